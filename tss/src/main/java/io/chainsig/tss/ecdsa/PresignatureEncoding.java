package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Storage encoding of one signer's presignature part (kept encrypted at rest by the node):
 * {@code version | id (32) | owner (4) | n (4) | signer ids (4 each) | X (33) | R (33) | c | alpha |
 * beta | e (32 each)}. Only an unused presignature can be encoded; a decoded one is unused, so the
 * node must make sure (durably) that it decodes each stored presignature for at most one sign.
 */
public final class PresignatureEncoding {
  private static final byte VERSION = 1;

  private PresignatureEncoding() {}

  /**
   * Encodes an unused presignature.
   *
   * @throws PresignatureReusedException if it has been used
   */
  public static byte[] encode(Presignature p) {
    if (p.isUsed()) {
      throw new PresignatureReusedException(p.id());
    }
    Presignature.Secrets s = p.peekSecretsForStorage();
    List<ParticipantId> ids = p.signers().ids();
    ByteBuffer b = ByteBuffer.allocate(1 + 32 + 8 + 4 * ids.size() + 66 + 128);
    b.put(VERSION).put(p.id().bytes()).putInt(p.owner().value()).putInt(ids.size());
    ids.forEach(id -> b.putInt(id.value()));
    b.put(p.publicKey().toCompressed()).put(p.bigR().toCompressed());
    b.put(s.c().toBytes()).put(s.alpha().toBytes()).put(s.beta().toBytes()).put(s.e().toBytes());
    return b.array();
  }

  /**
   * Decodes and validates.
   *
   * @throws IllegalArgumentException if the bytes are not a valid presignature
   */
  public static Presignature decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != VERSION) {
        throw new IllegalArgumentException("unknown presignature encoding version");
      }
      PresignatureId id = PresignatureId.of(take(b, 32));
      ParticipantId owner = ParticipantId.of(b.getInt());
      int n = b.getInt();
      if (n < 1 || n > ParticipantSet.MAX_PARTICIPANTS) {
        throw new IllegalArgumentException("presignature signer count out of range");
      }
      List<ParticipantId> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(ParticipantId.of(b.getInt()));
      }
      Secp256k1Point x = Secp256k1Point.fromSec1(take(b, 33));
      Secp256k1Point r = Secp256k1Point.fromSec1(take(b, 33));
      Secp256k1Scalar c = Secp256k1Scalar.fromBytes(take(b, 32));
      Secp256k1Scalar alpha = Secp256k1Scalar.fromBytes(take(b, 32));
      Secp256k1Scalar beta = Secp256k1Scalar.fromBytes(take(b, 32));
      Secp256k1Scalar e = Secp256k1Scalar.fromBytes(take(b, 32));
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after the presignature");
      }
      ParticipantSet signers = ParticipantSet.of(ids);
      if (!signers.contains(owner)) {
        throw new IllegalArgumentException("presignature owner is not a signer");
      }
      return new Presignature(id, owner, signers, x, r, c, alpha, beta, e);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("presignature encoding is truncated");
    }
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }
}
