package io.chainsig.tss.keygen;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
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
 * Storage encoding of a secp256k1 key share (the node keeps it encrypted at rest):
 * {@code version (1) | owner (4) | t (4) | n (4) | ids (4 each) | x_i (32) | X (33) | X_j (33 each)}.
 */
public final class KeyShareEncoding {
  private static final byte VERSION = 1;

  private KeyShareEncoding() {}

  /** Encodes a share. */
  public static byte[] encode(KeyShare<Secp256k1Scalar, Secp256k1Point> share) {
    PublicKeyShares<Secp256k1Point> pub = share.publicShares();
    List<ParticipantId> ids = pub.participants().ids();
    ByteBuffer b = ByteBuffer.allocate(1 + 12 + 4 * ids.size() + 32 + 33 + 33 * ids.size());
    b.put(VERSION).putInt(share.owner().value()).putInt(pub.threshold().value()).putInt(ids.size());
    ids.forEach(id -> b.putInt(id.value()));
    b.put(share.secretShare().toBytes()).put(pub.publicKey().toCompressed());
    ids.forEach(id -> b.put(pub.verificationShares().get(id).toCompressed()));
    return b.array();
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
      MaxMalicious t = new MaxMalicious(b.getInt());
      int n = b.getInt();
      if (n < 1 || n > ParticipantSet.MAX_PARTICIPANTS) {
        throw new IllegalArgumentException("key share participant count out of range");
      }
      List<ParticipantId> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(ParticipantId.of(b.getInt()));
      }
      Secp256k1Scalar x = Secp256k1Scalar.fromBytes(take(b, 32));
      Secp256k1Point publicKey = Secp256k1Point.fromSec1(take(b, 33));
      Map<ParticipantId, Secp256k1Point> shares = new LinkedHashMap<>();
      for (ParticipantId id : ids) {
        shares.put(id, Secp256k1Point.fromSec1(take(b, 33)));
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the key share");
      }
      return new KeyShare<>(owner, x, new PublicKeyShares<>(ParticipantSet.of(ids), t, publicKey, shares));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("key share encoding is truncated");
    }
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }
}
