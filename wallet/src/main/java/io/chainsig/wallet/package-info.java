/**
 * The wallet side of chain signatures: a dapp asks for a signature with a key path, the wallet
 * parses what would be signed, applies the consent policy of {@code docs/wallet.md} and only then
 * asks the signer network. Entry point: {@link io.chainsig.wallet.server.WalletServer}.
 */
package io.chainsig.wallet;
