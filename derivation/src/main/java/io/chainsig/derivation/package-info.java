/**
 * NEAR chain-signatures key derivation: the tweak of (predecessor account, path), child public keys
 * for secp256k1 and ed25519, NEAR key strings and NEAR account ids. It matches NEAR's production
 * signer contract bit for bit; see {@code docs/derivation.md}.
 */
package io.chainsig.derivation;
