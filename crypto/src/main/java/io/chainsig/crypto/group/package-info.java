/**
 * A small prime-order group abstraction, so that protocols written once (Shamir sharing, Feldman
 * commitments, Schnorr proofs, PedPop key generation) can run over secp256k1 today and Ed25519
 * later. The abstraction is an interface over the existing value types; it adds no state.
 */
package io.chainsig.crypto.group;
