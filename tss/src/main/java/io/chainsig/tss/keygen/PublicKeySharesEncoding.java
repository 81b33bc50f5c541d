package io.chainsig.tss.keygen;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoding of the public side of a secp256k1 key: {@code t (4) | n (4) | ids (4 each) | X (33) |
 * X_j (33 each)}. Old participants send it to new ones before a reshare; key shares embed it.
 */
public final class PublicKeySharesEncoding {
  private PublicKeySharesEncoding() {}

  /** Encodes the public key shares. */
  public static byte[] encode(PublicKeyShares<Secp256k1Point> pub) {
    List<ParticipantId> ids = pub.participants().ids();
    ByteBuffer b = ByteBuffer.allocate(8 + 4 * ids.size() + 33 + 33 * ids.size());
    b.putInt(pub.threshold().value()).putInt(ids.size());
    ids.forEach(id -> b.putInt(id.value()));
    b.put(pub.publicKey().toCompressed());
    ids.forEach(id -> b.put(pub.verificationShares().get(id).toCompressed()));
    return b.array();
  }

  /**
   * Decodes from the buffer's position, consuming exactly the encoding.
   *
   * @throws IllegalArgumentException if malformed
   */
  public static PublicKeyShares<Secp256k1Point> read(ByteBuffer b) {
    try {
      MaxMalicious t = new MaxMalicious(b.getInt());
      int n = b.getInt();
      if (n < 1 || n > ParticipantSet.MAX_PARTICIPANTS) {
        throw new IllegalArgumentException("participant count out of range");
      }
      List<ParticipantId> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(ParticipantId.of(b.getInt()));
      }
      Secp256k1Point publicKey = Secp256k1Point.fromSec1(take(b, 33));
      Map<ParticipantId, Secp256k1Point> shares = new LinkedHashMap<>();
      for (ParticipantId id : ids) {
        shares.put(id, Secp256k1Point.fromSec1(take(b, 33)));
      }
      return new PublicKeyShares<>(ParticipantSet.of(ids), t, publicKey, shares);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("public key shares encoding is truncated");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid public key shares: " + e.getMessage(), e);
    }
  }

  /** Decodes a whole array. */
  public static PublicKeyShares<Secp256k1Point> decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    PublicKeyShares<Secp256k1Point> p = read(b);
    if (b.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes after the public key shares");
    }
    return p;
  }

  static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }
}
