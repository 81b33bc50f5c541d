package io.chainsig.derivation;

import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.crypto.encoding.Hex;

/**
 * An ed25519 public key.
 *
 * @param point the curve point
 */
public record Ed25519PublicKey(Ed25519Point point) implements NearPublicKey {
  /** Rejects a missing point. */
  public Ed25519PublicKey {
    if (point == null) {
      throw new InvalidPublicKeyException("ed25519 public key is missing");
    }
  }

  /** The 32-byte RFC 8032 encoding. */
  public byte[] bytes() {
    return point.encode();
  }

  @Override
  public String toNearString() {
    return "ed25519:" + Base58.encode(bytes());
  }

  @Override
  public String toHex() {
    return Hex.encode(bytes());
  }

  @Override
  public String toString() {
    return toNearString();
  }
}
