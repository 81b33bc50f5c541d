package io.chainsig.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.Presign;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.ecdsa.Sign;
import io.chainsig.tss.ecdsa.SignRequest;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Test helpers for presign and sign runs. */
public final class EcdsaSimulations {
  private EcdsaSimulations() {}

  /** 2t+1 key holders picked by a seeded shuffle. */
  public static ParticipantSet pickSigners(ParticipantSet holders, int t, long seed) {
    List<ParticipantId> ids = new ArrayList<>(holders.ids());
    Collections.shuffle(ids, new Random(seed));
    return ParticipantSet.of(ids.subList(0, 2 * t + 1));
  }

  /** The presign protocols of every signer. */
  public static Map<ParticipantId, Protocol<Presignature>> presignParties(
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares,
      ParticipantSet signers,
      long seed) {
    SessionId session = SessionId.fromLabel("presign " + seed);
    Map<ParticipantId, Protocol<Presignature>> parties = new LinkedHashMap<>();
    for (ParticipantId p : signers.ids()) {
      parties.put(p, Presign.start(session, shares.get(p), signers, new SeededRandom(seed * 7919 + p.value())));
    }
    return parties;
  }

  /** Presign over a reliable network; fails the test if any party aborts. */
  public static Map<ParticipantId, Presignature> presign(
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares,
      ParticipantSet signers,
      long seed) {
    RunResult<Presignature> r = InMemoryNetwork.reliable().run(presignParties(shares, signers, seed));
    if (!r.allFinished()) {
      throw new AssertionError("presign failed: " + r.aborts());
    }
    return r.outputs();
  }

  /** The sign protocols of every signer, all with the same request. */
  public static Map<ParticipantId, Protocol<Optional<EcdsaSignature>>> signParties(
      Map<ParticipantId, Presignature> presignatures, ParticipantId leader, SignRequest request) {
    SessionId session = SessionId.fromLabel("sign " + presignatures.values().iterator().next().id());
    Map<ParticipantId, Protocol<Optional<EcdsaSignature>>> parties = new LinkedHashMap<>();
    for (var e : presignatures.entrySet()) {
      parties.put(e.getKey(), Sign.start(session, e.getValue(), e.getValue().signers(), leader, request));
    }
    return parties;
  }

  /** Sign over a reliable network and return the leader's signature. */
  public static EcdsaSignature sign(
      Map<ParticipantId, Presignature> presignatures, ParticipantId leader, SignRequest request) {
    RunResult<Optional<EcdsaSignature>> r =
        InMemoryNetwork.reliable().run(signParties(presignatures, leader, request));
    if (!r.allFinished()) {
      throw new AssertionError("sign failed: " + r.aborts());
    }
    r.outputs().forEach((p, out) -> {
      if (out.isPresent() != p.equals(leader)) {
        throw new AssertionError("only the leader returns a signature");
      }
    });
    return r.output(leader).orElseThrow();
  }
}
