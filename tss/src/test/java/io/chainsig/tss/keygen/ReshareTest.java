package io.chainsig.tss.keygen;

import static io.chainsig.tss.Simulations.SECP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.EcdsaSimulations;
import io.chainsig.tss.IndependentVerifier;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.Simulations;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.SignRequest;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReshareTest {
  private static final ParticipantId P1 = ParticipantId.of(1);

  static Map<ParticipantId, Protocol<Optional<KeyShare<Secp256k1Scalar, Secp256k1Point>>>> reshareParties(
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> old,
      ParticipantSet dealers,
      ParticipantSet next,
      int newT,
      long seed) {
    PublicKeyShares<Secp256k1Point> oldKey = old.values().iterator().next().publicShares();
    SessionId session = SessionId.fromLabel("reshare " + seed);
    Map<ParticipantId, Protocol<Optional<KeyShare<Secp256k1Scalar, Secp256k1Point>>>> parties =
        new LinkedHashMap<>();
    for (ParticipantId p : dealers.union(next).ids()) {
      parties.put(
          p,
          Reshare.start(
              SECP, session, p, oldKey, dealers,
              dealers.contains(p) ? Optional.of(old.get(p)) : Optional.empty(),
              next, new MaxMalicious(newT), new SeededRandom(seed + p.value())));
    }
    return parties;
  }

  @Test
  void reshareFromFiveOfThresholdTwoToSevenOfThresholdThreeKeepsTheKeyAndSigns() {
    var old = Simulations.keygen(5, 2, 51);
    Secp256k1Point root = old.get(P1).publicKey();
    Secp256k1Scalar secret = Simulations.reconstruct(old, ParticipantSet.ofIds(1, 2, 3));
    ParticipantSet dealers = ParticipantSet.ofIds(1, 2, 4);
    ParticipantSet next = ParticipantSet.ofIds(3, 4, 5, 6, 7, 8, 9);
    RunResult<Optional<KeyShare<Secp256k1Scalar, Secp256k1Point>>> r =
        InMemoryNetwork.builder().reorder(5).build().run(reshareParties(old, dealers, next, 3, 51));
    assertThat(r.allFinished()).isTrue();
    assertThat(r.output(ParticipantId.of(1))).isEmpty();
    assertThat(r.output(ParticipantId.of(2))).isEmpty();
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> fresh = new HashMap<>();
    for (ParticipantId p : next.ids()) {
      KeyShare<Secp256k1Scalar, Secp256k1Point> s = r.output(p).orElseThrow();
      assertThat(s.publicKey()).isEqualTo(root);
      assertThat(s.publicShares().threshold()).isEqualTo(new MaxMalicious(3));
      fresh.put(p, s);
    }
    assertThat(Simulations.reconstruct(fresh, ParticipantSet.ofIds(3, 4, 5, 6))).isEqualTo(secret);
    assertThat(Simulations.reconstruct(fresh, ParticipantSet.ofIds(6, 7, 8, 9))).isEqualTo(secret);

    var presigs = EcdsaSimulations.presign(fresh, next, 52);
    byte[] hash = Hashes.sha256("after reshare".getBytes());
    SignRequest req = SignRequest.of(hash, Secp256k1Scalar.of(5), Hashes.sha256(hash));
    EcdsaSignature sig = EcdsaSimulations.sign(presigs, ParticipantId.of(9), req);
    assertThat(sig.verifies(req.h(), root.addGeneratorTimes(Secp256k1Scalar.of(5)))).isTrue();
    var tweak = io.chainsig.derivation.DerivationTweak.of(
        io.chainsig.derivation.NearAccountId.of("bob.near"), "bitcoin-1");
    SignRequest tweaked = SignRequest.of(hash, tweak.secp256k1Scalar(), Hashes.sha256(new byte[] {9}));
    var presigs2 = EcdsaSimulations.presign(fresh, next, 53);
    EcdsaSignature sig2 = EcdsaSimulations.sign(presigs2, ParticipantId.of(3), tweaked);
    IndependentVerifier.assertRecovers(
        sig2, hash,
        io.chainsig.derivation.KeyDerivation.deriveSecp256k1(
            new io.chainsig.derivation.Secp256k1PublicKey(root), tweak).point());
  }

  @Test
  void refreshChangesEveryShareButNotTheKey() {
    var old = Simulations.keygen(5, 2, 53);
    SessionId session = SessionId.fromLabel("refresh");
    Map<ParticipantId, Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>>> parties = new LinkedHashMap<>();
    old.forEach((p, s) -> parties.put(p, Refresh.start(SECP, session, s, new SeededRandom(p.value()))));
    RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> r = InMemoryNetwork.reliable().run(parties);
    assertThat(r.allFinished()).isTrue();
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> fresh = new HashMap<>(r.outputs());
    Secp256k1Scalar secret = Simulations.reconstruct(old, ParticipantSet.ofIds(1, 2, 3));
    for (ParticipantId p : old.keySet()) {
      assertThat(fresh.get(p).publicKey()).isEqualTo(old.get(p).publicKey());
      assertThat(fresh.get(p).secretShare()).isNotEqualTo(old.get(p).secretShare());
    }
    assertThat(Simulations.reconstruct(fresh, ParticipantSet.ofIds(3, 4, 5))).isEqualTo(secret);
    // Old and new shares do not combine.
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> mixed = new HashMap<>(fresh);
    mixed.put(ParticipantId.of(1), old.get(ParticipantId.of(1)));
    assertThat(Simulations.reconstruct(mixed, ParticipantSet.ofIds(1, 2, 3))).isNotEqualTo(secret);
    // The refreshed shares sign under the same key.
    var presigs = EcdsaSimulations.presign(fresh, ParticipantSet.ofRange(5), 54);
    byte[] hash = Hashes.keccak256("after refresh".getBytes());
    SignRequest req = SignRequest.of(hash, Secp256k1Scalar.ZERO, Hashes.sha256(hash));
    IndependentVerifier.assertRecovers(
        EcdsaSimulations.sign(presigs, ParticipantId.of(2), req), hash, old.get(P1).publicKey());
  }

  @Test
  void aWrongShareFromADealerIsBlamed() {
    var old = Simulations.keygen(3, 1, 54);
    ParticipantSet all = ParticipantSet.ofRange(3);
    ParticipantId liar = ParticipantId.of(2);
    RunResult<?> r =
        InMemoryNetwork.builder()
            .misbehave(liar, e -> List.of(e.bytes()[2] == 3 ? KeyGenerationTest.replaceTail(e, 32) : e))
            .build()
            .run(reshareParties(old, all, all, 1, 54));
    assertThat(r.aborts()).containsKeys(P1, ParticipantId.of(3));
    r.aborts().values().forEach(a -> assertThat(a.culprit()).contains(liar));
  }

  @Test
  void reshareChecksItsArguments() {
    var old = Simulations.keygen(5, 2, 55);
    var oldKey = old.get(P1).publicShares();
    SessionId s = SessionId.fromLabel("bad");
    SeededRandom rnd = new SeededRandom(1);
    ParticipantSet next = ParticipantSet.ofRange(7);
    assertThatThrownBy(() -> Reshare.start(SECP, s, P1, oldKey, ParticipantSet.ofIds(1, 2),
            Optional.of(old.get(P1)), next, new MaxMalicious(3), rnd))
        .isInstanceOf(ProtocolSetupException.class).hasMessageContaining("at least 3");
    assertThatThrownBy(() -> Reshare.start(SECP, s, P1, oldKey, ParticipantSet.ofIds(1, 2, 3),
            Optional.empty(), next, new MaxMalicious(3), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> Reshare.start(SECP, s, P1, oldKey, ParticipantSet.ofIds(1, 2, 8),
            Optional.of(old.get(P1)), next, new MaxMalicious(3), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> Reshare.start(SECP, s, P1, oldKey, ParticipantSet.ofIds(1, 2, 3),
            Optional.of(old.get(P1)), next, new MaxMalicious(7), rnd))
        .isInstanceOf(ProtocolSetupException.class);
  }
}
