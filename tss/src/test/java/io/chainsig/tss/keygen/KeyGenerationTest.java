package io.chainsig.tss.keygen;

import static io.chainsig.tss.Simulations.SECP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.Simulations;
import io.chainsig.tss.simulation.Envelope;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyGenerationTest {
  private static final ParticipantId P1 = ParticipantId.of(1);
  private static final ParticipantId P2 = ParticipantId.of(2);
  private static final ParticipantId P3 = ParticipantId.of(3);

  static Stream<Arguments> sizes() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {3, 5, 7, 9, 13}) {
      for (int t = 0; t < n; t++) {
        if (n <= 7 || 2 * t + 1 <= n) {
          out.add(Arguments.of(n, t));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "N={0} t={1}")
  @MethodSource("sizes")
  void everyPartyGetsAShareOfTheSameKey(int n, int t) {
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares =
        Simulations.keygen(n, t, 100L * n + t);
    Secp256k1Point x = shares.get(P1).publicKey();
    assertThat(shares.values()).allSatisfy(s -> assertThat(s.publicKey()).isEqualTo(x));
    assertThat(shares.values())
        .allSatisfy(s -> assertThat(s.publicShares()).isEqualTo(shares.get(P1).publicShares()));
    // Any t+1 shares reconstruct the secret key; the first and the last t+1 agree.
    List<ParticipantId> ids = ParticipantSet.ofRange(n).ids();
    Secp256k1Scalar low = Simulations.reconstruct(shares, ParticipantSet.of(ids.subList(0, t + 1)));
    Secp256k1Scalar high =
        Simulations.reconstruct(shares, ParticipantSet.of(ids.subList(n - t - 1, n)));
    assertThat(low.timesGenerator()).isEqualTo(x);
    assertThat(high).isEqualTo(low);
    for (var s : shares.values()) {
      assertThat(s.publicShares().verificationShares().get(s.owner()))
          .isEqualTo(s.secretShare().timesGenerator());
    }
  }

  @Test
  void reorderedAndDelayedDeliveryGivesTheSameResult() {
    var parties = Simulations.keygenParties(ParticipantSet.ofRange(5), 2, 7);
    RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> r =
        InMemoryNetwork.builder().reorder(42).delay(e -> e.from().equals(P2)).build().run(parties);
    assertThat(r.allFinished()).isTrue();
    assertThat(r.output(P1).publicKey()).isEqualTo(Simulations.keygen(5, 2, 7).get(P1).publicKey());
  }

  @Test
  void wrongPrivateShareIsBlamedOnTheDealer() {
    var parties = Simulations.keygenParties(ParticipantSet.ofRange(5), 2, 8);
    RunResult<?> r =
        InMemoryNetwork.builder()
            .misbehave(P2, e -> List.of(round(e) == 3 && e.to().equals(P3) ? replaceTail(e, 32) : e))
            .build()
            .run(parties);
    assertThat(r.aborts()).containsOnlyKeys(P3);
    assertThat(r.aborts().get(P3).culprit()).contains(P2);
    assertThat(r.aborts().get(P3)).hasMessageContaining("share that does not match");
  }

  @Test
  void inconsistentBroadcastAbortsAndNamesTheSender() {
    var parties = Simulations.keygenParties(ParticipantSet.ofRange(5), 2, 9);
    RunResult<?> r =
        InMemoryNetwork.builder()
            .misbehave(P2, e -> List.of(round(e) == 1 && e.to().equals(P3) ? replaceTail(e, 32) : e))
            .build()
            .run(parties);
    assertThat(r.outputs()).isEmpty();
    assertThat(r.aborts()).isNotEmpty();
    var honest = new java.util.HashMap<>(r.aborts());
    honest.remove(P2);
    assertThat(honest).isNotEmpty();
    assertThat(honest.values())
        .allSatisfy(a -> assertThat(a.blamed()).contains(P2))
        .allSatisfy(a -> assertThat(a).hasMessageContaining("inconsistent broadcast"));
  }

  @Test
  void truncatedGarbageAndOversizedMessagesAreBlamedOnTheSender() {
    for (var attack : List.<java.util.function.Function<Envelope, Envelope>>of(
        e -> e.withBytes(Arrays.copyOf(e.bytes(), e.bytes().length - 1)),
        e -> e.withBytes(garbage(e.bytes().length)),
        e -> e.withBytes(new byte[70_000]),
        e -> e.withBytes(new byte[3]))) {
      for (int badRound = 1; badRound <= 4; badRound++) {
        int target = badRound;
        var parties = Simulations.keygenParties(ParticipantSet.ofRange(4), 1, 10 + badRound);
        RunResult<?> r =
            InMemoryNetwork.builder()
                .misbehave(P2, e -> List.of(round(e) == target ? attack.apply(e) : e))
                .build()
                .run(parties);
        assertThat(r.outputs().keySet()).isSubsetOf(P2);
        assertThat(r.aborts()).containsKeys(P1, P3);
        r.aborts().forEach((who, a) -> assertThat(a.culprit()).as("%s: %s", who, a).contains(P2));
      }
    }
  }

  @Test
  void aWrongConfirmationIsBlamedAndNobodyFinishes() {
    var parties = Simulations.keygenParties(ParticipantSet.ofRange(4), 1, 15);
    RunResult<?> r =
        InMemoryNetwork.builder()
            .misbehave(P2, e -> List.of(round(e) == 4 ? replaceTail(e, 32) : e))
            .build()
            .run(parties);
    assertThat(r.outputs().keySet()).isSubsetOf(P2);
    assertThat(r.aborts()).containsOnlyKeys(P1, P3, ParticipantId.of(4));
    r.aborts().values().forEach(a -> assertThat(a.culprit()).contains(P2));
  }

  @Test
  void droppedMessagesLeavePartiesWaitingNotHanging() {
    var parties = Simulations.keygenParties(ParticipantSet.ofRange(3), 1, 11);
    RunResult<?> r =
        InMemoryNetwork.builder().drop(e -> e.from().equals(P1) && round(e) == 2).build().run(parties);
    assertThat(r.outputs()).isEmpty();
    assertThat(r.stalled()).containsExactlyInAnyOrder(P1, P2, P3);
    assertThat(r.aborts()).isEmpty();
  }

  @Test
  void setupErrorsAreTheirOwnType() {
    SessionId s = SessionId.fromLabel("setup");
    SeededRandom rnd = new SeededRandom(1);
    assertThatThrownBy(() -> KeyGeneration.start(SECP, s, ParticipantSet.ofIds(1, 2), P3, new MaxMalicious(1), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> KeyGeneration.start(SECP, s, ParticipantSet.ofIds(1, 2), P1, new MaxMalicious(2), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> ParticipantSet.ofIds(1, 2, 2)).isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> ParticipantSet.ofIds(0, 1)).isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> ParticipantSet.ofIds()).isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> new MaxMalicious(-1)).isInstanceOf(ProtocolSetupException.class);
    assertThat(RuntimeException.class).isAssignableFrom(ProtocolSetupException.class);
    assertThat(RuntimeException.class.isAssignableFrom(ProtocolAbortException.class)).isFalse();
  }

  @Test
  void secretsAreRedacted() {
    var share = Simulations.keygen(3, 1, 12).get(P1);
    assertThat(share.toString()).contains("<redacted>").doesNotContain(share.secretShare().toHex());
  }

  static int round(Envelope e) {
    return e.bytes()[2];
  }

  static Envelope replaceTail(Envelope e, int n) {
    byte[] b = e.bytes().clone();
    byte[] fresh = Secp256k1Scalar.of(123456789).toBytes();
    System.arraycopy(fresh, 32 - n, b, b.length - n, n);
    return e.withBytes(b);
  }

  static byte[] garbage(int length) {
    byte[] b = new byte[length];
    new SeededRandom(length).nextBytes(b);
    return b;
  }
}
