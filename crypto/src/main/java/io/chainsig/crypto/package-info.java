/**
 * Cryptographic building blocks shared by every chainsig module: secp256k1 and ed25519 scalars and
 * points, the hash functions the protocols and chains use, and constant-time helpers.
 *
 * <p>Everything here is a pure function or an immutable value; nothing holds state, touches the
 * network or reads the clock.
 */
package io.chainsig.crypto;
