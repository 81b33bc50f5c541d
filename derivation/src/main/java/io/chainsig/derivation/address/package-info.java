/**
 * Addresses on other chains for derived keys: EVM (EIP-55), Bitcoin P2WPKH (bech32) and P2PKH
 * (base58check), NEAR implicit accounts and Solana.
 */
package io.chainsig.derivation.address;
