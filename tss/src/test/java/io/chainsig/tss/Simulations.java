package io.chainsig.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.keygen.KeyGeneration;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers that run whole protocols in memory with seeded randomness. */
public final class Simulations {
  public static final Secp256k1Group SECP = Secp256k1Group.INSTANCE;

  private Simulations() {}

  /** Key generation among {1..n} with threshold t over a reliable network. */
  public static Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> keygen(
      int n, int t, long seed) {
    RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> r =
        InMemoryNetwork.reliable().run(keygenParties(ParticipantSet.ofRange(n), t, seed));
    if (!r.allFinished()) {
      throw new AssertionError("keygen failed: " + r.aborts() + " stalled " + r.stalled());
    }
    return new LinkedHashMap<>(r.outputs());
  }

  /** The key generation protocols of all participants. */
  public static Map<ParticipantId, Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>>> keygenParties(
      ParticipantSet participants, int t, long seed) {
    SessionId session = SessionId.fromLabel("keygen " + seed);
    Map<ParticipantId, Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>>> parties =
        new LinkedHashMap<>();
    for (ParticipantId p : participants.ids()) {
      parties.put(
          p,
          KeyGeneration.start(
              SECP, session, participants, p, new MaxMalicious(t),
              new SeededRandom(seed * 1000 + p.value())));
    }
    return parties;
  }

  /** The secret reconstructed from the shares of the given participants. */
  public static Secp256k1Scalar reconstruct(
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares, ParticipantSet from) {
    Secp256k1Scalar x = Secp256k1Scalar.ZERO;
    for (ParticipantId p : from.ids()) {
      x = x.add(from.lagrangeAtZero(SECP, p).multiply(shares.get(p).secretShare()));
    }
    return x;
  }
}
