package io.chainsig.benchmarks.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.Presign;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.ecdsa.Sign;
import io.chainsig.tss.ecdsa.SignRequest;
import io.chainsig.tss.keygen.KeyGeneration;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole protocol runs among N parties for the benchmarks: N parties hold the key with the largest
 * honest-majority threshold t = (N-1)/2, so presign and sign run among all N = 2t+1 of them.
 */
final class ThresholdRuns {
  private static final AtomicLong SESSIONS = new AtomicLong();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ThresholdRuns() {}

  static SessionId freshSession() {
    return SessionId.of(
        io.chainsig.crypto.Hashes.sha3_256(
            ByteBuffer.allocate(8).putLong(SESSIONS.incrementAndGet()).array()));
  }

  static RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> keygen(int n) {
    ParticipantSet all = ParticipantSet.ofRange(n);
    SessionId session = freshSession();
    Map<ParticipantId, Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>>> parties =
        new LinkedHashMap<>();
    for (ParticipantId p : all.ids()) {
      parties.put(
          p,
          KeyGeneration.start(
              Secp256k1Group.INSTANCE, session, all, p, new MaxMalicious((n - 1) / 2), RANDOM));
    }
    return checked(InMemoryNetwork.reliable().run(parties));
  }

  static RunResult<Presignature> presign(
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares) {
    ParticipantSet all = ParticipantSet.of(shares.keySet());
    SessionId session = freshSession();
    Map<ParticipantId, Protocol<Presignature>> parties = new LinkedHashMap<>();
    for (ParticipantId p : all.ids()) {
      parties.put(p, Presign.start(session, shares.get(p), all, RANDOM));
    }
    return checked(InMemoryNetwork.reliable().run(parties));
  }

  static RunResult<Optional<EcdsaSignature>> sign(Map<ParticipantId, Presignature> presignatures) {
    byte[] entropy = new byte[32];
    RANDOM.nextBytes(entropy);
    byte[] hash = new byte[32];
    RANDOM.nextBytes(hash);
    hash[0] |= 1;
    SignRequest request = SignRequest.of(hash, Secp256k1Scalar.of(42), entropy);
    SessionId session = freshSession();
    ParticipantId leader = ParticipantId.of(1);
    Map<ParticipantId, Protocol<Optional<EcdsaSignature>>> parties = new LinkedHashMap<>();
    presignatures.forEach(
        (p, pre) -> parties.put(p, Sign.start(session, pre, pre.signers(), leader, request)));
    return checked(InMemoryNetwork.reliable().run(parties));
  }

  private static <T> RunResult<T> checked(RunResult<T> r) {
    if (!r.allFinished()) {
      throw new IllegalStateException("run failed: " + r.aborts());
    }
    return r;
  }
}
