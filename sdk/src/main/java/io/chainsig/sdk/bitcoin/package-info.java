/**
 * The Bitcoin adapter: P2WPKH spends from the segwit output script of a derived key, for Bitcoin
 * and its segwit-format forks (the tests use litecoind -regtest). bitcoinj builds and serialises the
 * transaction and computes the BIP143 sighashes; a small JSON-RPC client talks to a Bitcoin Core
 * compatible node with output scripts, never address strings, so a fork's address format does not
 * matter. Entry point: {@link io.chainsig.sdk.bitcoin.BitcoinAdapter}.
 */
package io.chainsig.sdk.bitcoin;
