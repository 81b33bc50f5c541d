package io.chainsig.tss.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.EcdsaSimulations;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.Simulations;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Presign and sign with one party that lies; honest parties must abort or refuse output. */
class MaliciousSignerTest {
  private static final ParticipantId LIAR = ParticipantId.of(2);
  private static final ParticipantId P1 = ParticipantId.of(1);
  private static final ParticipantId P3 = ParticipantId.of(3);
  private static final int R_OFFSET = MessageCodec.HEADER_LENGTH;
  private static final int W_SCALAR_OFFSET = MessageCodec.HEADER_LENGTH + 33;

  private static final Map<Integer, Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>>>
      KEYS = new HashMap<>();

  static Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> key(int n, int t) {
    return KEYS.computeIfAbsent(n * 100 + t, k -> Simulations.keygen(n, t, k));
  }

  static RunResult<Presignature> presignWith(
      int n, int t, ParticipantId culprit, int round, ParticipantId onlyTo, UnaryOperator<byte[]> lie) {
    var parties = EcdsaSimulations.presignParties(key(n, t), ParticipantSet.ofRange(n), n + round);
    return InMemoryNetwork.builder()
        .misbehave(
            culprit,
            e -> List.of(
                e.bytes()[2] == round && (onlyTo == null || e.to().equals(onlyTo))
                    ? e.withBytes(lie.apply(e.bytes().clone()))
                    : e))
        .build()
        .run(parties);
  }

  static UnaryOperator<byte[]> replace(int offset, byte[] with) {
    return b -> {
      System.arraycopy(with, 0, b, offset, with.length);
      return b;
    };
  }

  static final byte[] OTHER_POINT = Secp256k1Scalar.of(99).timesGenerator().toCompressed();
  static final byte[] OTHER_SCALAR = Secp256k1Scalar.of(77).toBytes();

  static Map<ParticipantId, ProtocolAbortException> honestAborts(RunResult<?> r) {
    Map<ParticipantId, ProtocolAbortException> m = new HashMap<>(r.aborts());
    m.remove(LIAR);
    return m;
  }

  @Test
  void wrongNonceShareRIsSuspectedWhenThereIsRedundancy() {
    RunResult<Presignature> r = presignWith(5, 2, LIAR, 2, null, replace(R_OFFSET, OTHER_POINT));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertThat(honestAborts(r)).hasSize(4);
    honestAborts(r).values().forEach(MaliciousSignerTest::assertSuspectsOnlyTheLiar);
  }

  static void assertSuspectsOnlyTheLiar(ProtocolAbortException a) {
    assertThat(a.blamed()).containsExactly(LIAR);
    assertThat(a.proven()).isFalse();
    assertThat(a.culprit()).isEmpty();
  }

  @Test
  void wrongNonceShareRAbortsEvenWithoutRedundancyToBlame() {
    RunResult<Presignature> r = presignWith(3, 1, LIAR, 2, null, replace(R_OFFSET, OTHER_POINT));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertThat(honestAborts(r)).containsOnlyKeys(P1, P3);
    honestAborts(r).values().forEach(a -> assertThat(a).hasMessageContaining("degree-t"));
  }

  @Test
  void inconsistentRToOnePeerIsCaughtByThatPeerAndStopsEveryone() {
    RunResult<Presignature> r = presignWith(7, 3, LIAR, 2, P3, replace(R_OFFSET, OTHER_POINT));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertSuspectsOnlyTheLiar(r.aborts().get(P3));
  }

  @Test
  void wrongWIsCaughtByTheFinalCheck() {
    RunResult<Presignature> r =
        presignWith(5, 2, LIAR, 2, null, replace(W_SCALAR_OFFSET, OTHER_SCALAR));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertThat(honestAborts(r)).hasSize(4);
    honestAborts(r).values().forEach(a -> assertThat(a).hasMessageContaining("W != w*G"));
  }

  @Test
  void wrongBigWIsSuspected() {
    RunResult<Presignature> r = presignWith(5, 2, LIAR, 3, null, replace(R_OFFSET, OTHER_POINT));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertThat(honestAborts(r)).hasSize(4);
    honestAborts(r).values().forEach(MaliciousSignerTest::assertSuspectsOnlyTheLiar);
  }

  @Test
  void aWrongROrWFromAnySignerIsSuspectedWithConsecutiveOrScatteredIds() {
    // {1..5}: the exact window checks; {1, 3, 4, 6, 7}: windows with other integer weights.
    List<ParticipantSet> signerSets =
        List.of(ParticipantSet.ofRange(5), ParticipantSet.ofIds(1, 3, 4, 6, 7));
    for (ParticipantSet signers : signerSets) {
      for (ParticipantId liar : signers.ids()) {
        for (int round = 2; round <= 3; round++) {
          var parties = EcdsaSimulations.presignParties(key(7, 2), signers, 100 + round);
          int r = round;
          RunResult<Presignature> run =
              InMemoryNetwork.builder()
                  .misbehave(
                      liar,
                      e -> List.of(
                          e.bytes()[2] == r
                              ? e.withBytes(replace(R_OFFSET, OTHER_POINT).apply(e.bytes().clone()))
                              : e))
                  .build()
                  .run(parties);
          String what = signers + " liar " + liar + " round " + round;
          assertThat(run.outputs().keySet()).as(what).isSubsetOf(liar);
          Map<ParticipantId, ProtocolAbortException> honest = new HashMap<>(run.aborts());
          honest.remove(liar);
          assertThat(honest).as(what).hasSize(4);
          honest.values().forEach(a -> {
            assertThat(a.blamed()).as(what).containsExactly(liar);
            assertThat(a.proven()).as(what).isFalse();
          });
        }
      }
    }
  }

  @Test
  void malformedPresignMessagesAreBlamedOnTheSender() {
    List<UnaryOperator<byte[]>> attacks =
        List.of(
            b -> Arrays.copyOf(b, b.length - 5),
            b -> Arrays.copyOf(b, b.length + 1),
            b -> replace(R_OFFSET, ALL_ONES).apply(b),
            b -> replace(0, new byte[] {2}).apply(b),
            b -> replace(3, new byte[] {1, 2, 3}).apply(b));
    for (int round = 1; round <= 3; round++) {
      for (UnaryOperator<byte[]> attack : attacks) {
        RunResult<Presignature> r = presignWith(3, 1, LIAR, round, null, attack);
        assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
        assertThat(honestAborts(r)).containsOnlyKeys(P1, P3);
        honestAborts(r).values().forEach(a -> assertThat(a.culprit()).as(a.getMessage()).contains(LIAR));
      }
    }
    for (int round = 2; round <= 3; round++) {
      // 33 zero bytes: what an identity point would look like; it has no valid encoding.
      RunResult<Presignature> r = presignWith(3, 1, LIAR, round, null, replace(R_OFFSET, new byte[33]));
      honestAborts(r).values().forEach(a -> assertThat(a.culprit()).as(a.getMessage()).contains(LIAR));
      assertThat(honestAborts(r)).containsOnlyKeys(P1, P3);
    }
  }

  private static final byte[] ALL_ONES = allOnes();

  private static byte[] allOnes() {
    byte[] b = new byte[33];
    Arrays.fill(b, (byte) 0xff);
    return b;
  }

  @Test
  void wrongSignatureShareMakesTheLeaderRefuse() {
    var presigs = EcdsaSimulations.presign(key(5, 2), ParticipantSet.ofRange(5), 41);
    SignRequest req = ThresholdEcdsaTest.request("pay", ThresholdEcdsaTest.tweak("x"));
    RunResult<Optional<EcdsaSignature>> r =
        InMemoryNetwork.builder()
            .misbehave(LIAR, e -> List.of(e.withBytes(replace(R_OFFSET + 32, OTHER_SCALAR).apply(e.bytes().clone()))))
            .build()
            .run(EcdsaSimulations.signParties(presigs, P1, req));
    assertThat(r.outputs().values()).allMatch(Optional::isEmpty);
    assertThat(r.aborts()).containsOnlyKeys(P1);
    assertThat(r.aborts().get(P1)).hasMessageContaining("does not verify");
    // Even after the abort the presignatures stay spent.
    assertThat(presigs.values()).allMatch(Presignature::isUsed);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Sign.start(io.chainsig.tss.SessionId.fromLabel("retry"), presigs.get(P1),
                presigs.get(P1).signers(), P1, req))
        .isInstanceOf(PresignatureReusedException.class);
  }

  @Test
  void aSignerWithAnotherRequestIsBlamedByTheLeader() {
    var presigs = EcdsaSimulations.presign(key(5, 2), ParticipantSet.ofRange(5), 43);
    SignRequest req = ThresholdEcdsaTest.request("pay", ThresholdEcdsaTest.tweak("x"));
    SignRequest other = ThresholdEcdsaTest.request("pay more", ThresholdEcdsaTest.tweak("x"));
    var parties = new HashMap<>(EcdsaSimulations.signParties(without(presigs, LIAR), P1, req));
    parties.put(LIAR, Sign.start(io.chainsig.tss.SessionId.fromLabel("sign " + presigs.get(P1).id()),
        presigs.get(LIAR), presigs.get(LIAR).signers(), P1, other));
    RunResult<Optional<EcdsaSignature>> r = InMemoryNetwork.reliable().run(parties);
    assertThat(r.aborts().get(P1).culprit()).contains(LIAR);
  }

  static Map<ParticipantId, Presignature> without(Map<ParticipantId, Presignature> m, ParticipantId p) {
    Map<ParticipantId, Presignature> out = new HashMap<>(m);
    out.remove(p);
    return out;
  }
}
