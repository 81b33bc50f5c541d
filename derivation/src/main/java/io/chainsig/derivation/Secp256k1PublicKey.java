package io.chainsig.derivation;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.crypto.encoding.Hex;

/**
 * A secp256k1 public key (never the identity).
 *
 * @param point the curve point
 */
public record Secp256k1PublicKey(Secp256k1Point point) implements NearPublicKey {
  /** Rejects a missing point or the identity. */
  public Secp256k1PublicKey {
    if (point == null || point.isIdentity()) {
      throw new InvalidPublicKeyException("a secp256k1 public key cannot be the point at infinity");
    }
  }

  @Override
  public String toNearString() {
    return "secp256k1:" + Base58.encode(point.toXy());
  }

  @Override
  public String toHex() {
    return Hex.encode(point.toUncompressed());
  }

  /** 33-byte compressed SEC1 in hex. */
  public String toCompressedHex() {
    return Hex.encode(point.toCompressed());
  }

  @Override
  public String toString() {
    return toNearString();
  }
}
