package io.chainsig.tss.keygen;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Storage encoding of a secp256k1 key share (the node keeps it encrypted at rest):
 * {@code version (1) | owner (4) | x_i (32) | public key shares (see PublicKeySharesEncoding)}.
 */
public final class KeyShareEncoding {
  private static final byte VERSION = 2;

  private KeyShareEncoding() {}

  /** Encodes a share. */
  public static byte[] encode(KeyShare<Secp256k1Scalar, Secp256k1Point> share) {
    byte[] pub = PublicKeySharesEncoding.encode(share.publicShares());
    return ByteBuffer.allocate(1 + 4 + 32 + pub.length)
        .put(VERSION).putInt(share.owner().value()).put(share.secretShare().toBytes()).put(pub).array();
  }

  /**
   * Decodes and validates a share.
   *
   * @throws IllegalArgumentException if the bytes are not a valid share
   */
  public static KeyShare<Secp256k1Scalar, Secp256k1Point> decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != VERSION) {
        throw new IllegalArgumentException("unknown key share encoding version");
      }
      ParticipantId owner = ParticipantId.of(b.getInt());
      Secp256k1Scalar x = Secp256k1Scalar.fromBytes(PublicKeySharesEncoding.take(b, 32));
      var pub = PublicKeySharesEncoding.read(b);
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the key share");
      }
      return new KeyShare<>(owner, x, pub);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("key share encoding is truncated");
    }
  }
}
