package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.BatchedProtocol;
import io.chainsig.tss.keygen.KeyShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * DJNPO20 presign ({@code docs/protocols/presign.md}): exactly 2t+1 holders of a degree-t key
 * share run three rounds and each ends with a {@link Presignature}, before any message to sign is
 * known.
 */
public final class Presign {
  private Presign() {}

  /** Most presignatures one batch run makes ({@link #startBatch}). */
  public static final int MAX_BATCH = 16;

  /**
   * Starts presign for the owner of {@code keyShare}.
   *
   * @param session the run's session id, fresh for every presignature
   * @param keyShare this signer's key share
   * @param signers exactly 2t+1 holders of the key, including the owner of {@code keyShare}
   * @param random fresh randomness (a {@code SecureRandom} in production)
   * @throws ProtocolSetupException if the signer set is not 2t+1 key holders including me
   */
  public static Protocol<Presignature> start(
      SessionId session,
      KeyShare<Secp256k1Scalar, Secp256k1Point> keyShare,
      ParticipantSet signers,
      SecureRandom random) {
    Objects.requireNonNull(session, "session");
    int t = checkSigners(keyShare, signers, random);
    return new PresignRounds(Secp256k1Group.INSTANCE, session, keyShare, signers, t,
        PresignSetup.of(Secp256k1Group.INSTANCE, signers, t), random);
  }

  /**
   * Starts a batch of {@code count} presign runs among the same signers, in lockstep: every step
   * of the batch is one message per signer pair ({@code docs/protocols/presign.md}, "Batching").
   * Run {@code i} uses the session id {@code BatchFrameCodec.subSession(i)} derived from {@code
   * session}, so every presignature has its own id. Any run's abort aborts the batch.
   *
   * @param session the batch's session id, fresh for every batch
   * @param keyShare this signer's key share
   * @param signers exactly 2t+1 holders of the key, including the owner of {@code keyShare}
   * @param count presignatures to make, 1 to {@link #MAX_BATCH}
   * @param random fresh randomness (a {@code SecureRandom} in production)
   * @return a protocol whose output lists the {@code count} presignatures in run order
   * @throws ProtocolSetupException if the signer set is not 2t+1 key holders including me, or the
   *     count is out of range
   */
  public static Protocol<List<Presignature>> startBatch(
      SessionId session,
      KeyShare<Secp256k1Scalar, Secp256k1Point> keyShare,
      ParticipantSet signers,
      int count,
      SecureRandom random) {
    Objects.requireNonNull(session, "session");
    int t = checkSigners(keyShare, signers, random);
    if (count < 1 || count > MAX_BATCH) {
      throw new ProtocolSetupException("a presign batch makes 1 to " + MAX_BATCH + " presignatures, got " + count);
    }
    // What depends on the signer set alone is computed once for the whole batch.
    PresignSetup setup = PresignSetup.of(Secp256k1Group.INSTANCE, signers, t);
    return BatchedProtocol.start(session, keyShare.owner(), signers, count,
        sub -> new PresignRounds(Secp256k1Group.INSTANCE, sub, keyShare, signers, t, setup, random));
  }

  /** Checks the arguments both entry points share and returns t. */
  private static int checkSigners(
      KeyShare<Secp256k1Scalar, Secp256k1Point> keyShare, ParticipantSet signers, SecureRandom random) {
    Objects.requireNonNull(keyShare, "keyShare");
    Objects.requireNonNull(signers, "signers");
    Objects.requireNonNull(random, "random");
    int t = keyShare.publicShares().threshold().value();
    if (signers.size() != 2 * t + 1) {
      throw new ProtocolSetupException(
          "presign needs exactly 2t+1 = " + (2 * t + 1) + " signers, got " + signers.size());
    }
    if (!signers.isSubsetOf(keyShare.publicShares().participants())) {
      throw new ProtocolSetupException("signers " + signers + " do not all hold the key");
    }
    if (!signers.contains(keyShare.owner())) {
      throw new ProtocolSetupException(keyShare.owner() + " is not one of the signers");
    }
    return t;
  }
}
