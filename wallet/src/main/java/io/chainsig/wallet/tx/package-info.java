/**
 * What a dapp asks the wallet to sign, parsed so the user can see it: Bitcoin transactions and
 * PSBTs, EVM transactions, or a bare 32-byte hash (blind signing). Every payload computes the
 * 32-byte hash that is sent to the signer itself, so the user always consents to the bytes that
 * get signed, never to a description supplied by the dapp.
 */
package io.chainsig.wallet.tx;
