package io.chainsig.contract;

/** The signature scheme of a domain; the names are NEAR's JSON names. */
public enum SignatureScheme {
  /** ECDSA over secp256k1 (payload {@code {"Ecdsa": "<hex 32>"}}). */
  Secp256k1,
  /** EdDSA over ed25519 (payload {@code {"Eddsa": "<hex>"}}); keys only, signing comes later. */
  Ed25519
}
