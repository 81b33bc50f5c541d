package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.BatchFrameCodec;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection modes against the real protocols: what the wrong messages make the honest
 * parties do, and that nothing else is touched.
 */
class FaultInjectionTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ParticipantId FAULTY = ParticipantId.of(2);

  private static Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> keygen(int n, int t, FaultInjection mode) {
    ParticipantSet all = ParticipantSet.ofRange(n);
    SessionId session = SessionId.fromLabel("fault-injection keygen " + n);
    Map<ParticipantId, Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>>> parties = new LinkedHashMap<>();
    for (ParticipantId p : all.ids()) {
      parties.put(p, KeyGeneration.start(Secp256k1Group.INSTANCE, session, all, p, new MaxMalicious(t), RANDOM));
    }
    RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> r = faulty(mode).run(parties);
    assertThat(r.allFinished()).as("key generation is left alone: %s", r.aborts()).isTrue();
    return r.outputs();
  }

  /** A network on which participant 2's messages pass through {@code mode}, as its outbox would send them. */
  private static InMemoryNetwork faulty(FaultInjection mode) {
    return InMemoryNetwork.builder()
        .misbehave(FAULTY, e -> List.of(e.withBytes(mode.corrupt(e.bytes()).orElse(e.bytes()))))
        .build();
  }

  private static RunResult<Presignature> presign(Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> keys,
      ParticipantSet signers, FaultInjection mode) {
    SessionId session = SessionId.fromLabel("fault-injection presign " + RANDOM.nextLong());
    Map<ParticipantId, Protocol<Presignature>> parties = new LinkedHashMap<>();
    for (ParticipantId p : signers.ids()) {
      parties.put(p, Presign.start(session, keys.get(p), signers, RANDOM));
    }
    return faulty(mode).run(parties);
  }

  /** A presign batch of {@code count} runs, as the engine runs presign (docs/node.md step 4). */
  private static RunResult<List<Presignature>> presignBatch(Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> keys,
      ParticipantSet signers, int count, FaultInjection mode) {
    SessionId session = SessionId.fromLabel("fault-injection presign batch " + RANDOM.nextLong());
    Map<ParticipantId, Protocol<List<Presignature>>> parties = new LinkedHashMap<>();
    for (ParticipantId p : signers.ids()) {
      parties.put(p, Presign.startBatch(session, keys.get(p), signers, count, RANDOM));
    }
    return faulty(mode).run(parties);
  }

  private static RunResult<Optional<EcdsaSignature>> sign(Map<ParticipantId, Presignature> presignatures,
      ParticipantSet signers, ParticipantId leader, SignRequest request, FaultInjection mode) {
    SessionId session = SessionId.fromLabel("fault-injection sign " + RANDOM.nextLong());
    Map<ParticipantId, Protocol<Optional<EcdsaSignature>>> parties = new LinkedHashMap<>();
    for (ParticipantId p : signers.ids()) {
      parties.put(p, Sign.start(session, presignatures.get(p), signers, leader, request));
    }
    return faulty(mode).run(parties);
  }

  private static SignRequest request() {
    byte[] hash = new byte[32];
    byte[] entropy = new byte[32];
    RANDOM.nextBytes(hash);
    RANDOM.nextBytes(entropy);
    return SignRequest.of(hash, Secp256k1Scalar.of(7), entropy);
  }

  @Test
  void presignModeMakesEveryHonestSignerAbortAtTheNonceCheck() {
    var keys = keygen(3, 1, FaultInjection.PRESIGN);
    ParticipantSet signers = ParticipantSet.ofRange(3);
    assertThat(presign(keys, signers, FaultInjection.OFF).allFinished()).as("the same run without the fault").isTrue();

    RunResult<Presignature> r = presign(keys, signers, FaultInjection.PRESIGN);

    assertThat(r.aborts()).containsOnlyKeys(ParticipantId.of(1), ParticipantId.of(3));
    for (ProtocolAbortException e : r.aborts().values()) {
      // With t = 1 removing any one of three points leaves two, which always fit: no suspect.
      assertThat(e.getMessage()).contains("R_i do not lie on a degree-t curve");
      assertThat(e.blamed()).isEmpty();
    }
  }

  @Test
  void presignModeWithTwoOrMoreMaliciousAllowedNamesTheFaultyNodeAsSuspect() {
    var keys = keygen(5, 2, FaultInjection.PRESIGN);
    RunResult<Presignature> r = presign(keys, ParticipantSet.ofRange(5), FaultInjection.PRESIGN);

    assertThat(r.aborts()).hasSize(4).doesNotContainKey(FAULTY);
    for (ProtocolAbortException e : r.aborts().values()) {
      assertThat(e.blamed()).containsExactly(FAULTY);
      assertThat(e.proven()).isFalse();
    }
  }

  @Test
  void presignModeCorruptsEveryRunOfABatchAndTheSignModeLeavesBatchesAlone() {
    var keys = keygen(5, 2, FaultInjection.PRESIGN);
    ParticipantSet signers = ParticipantSet.ofRange(5);
    assertThat(presignBatch(keys, signers, 4, FaultInjection.SIGN).allFinished()).as("sign mode leaves presign alone").isTrue();

    RunResult<List<Presignature>> r = presignBatch(keys, signers, 4, FaultInjection.PRESIGN);

    assertThat(r.aborts()).hasSize(4).doesNotContainKey(FAULTY);
    for (ProtocolAbortException e : r.aborts().values()) {
      assertThat(e.getMessage()).contains("R_i do not lie on a degree-t curve");
      assertThat(e.blamed()).containsExactly(FAULTY);
    }
  }

  @Test
  void inABatchFrameOnlyTheRFieldOfEveryRunsRoundTwoMessageChanges() {
    BatchFrameCodec codec = BatchFrameCodec.of(SessionId.fromLabel("frame"), 3);
    List<List<byte[]>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] m = new byte[35 + 65];
      m[0] = 1;
      m[1] = 2;
      m[2] = 2;
      System.arraycopy(codec.subSession(i).bytes(), 0, m, 3, 32);
      System.arraycopy(Secp256k1Scalar.of(10 + i).timesGenerator().toCompressed(), 0, m, 35, 33);
      m[m.length - 1] = (byte) i;
      runs.add(List.of(m));
    }
    byte[] frame = codec.encode(runs);
    List<List<byte[]>> wrong = codec.decode(FaultInjection.PRESIGN.corrupt(frame).orElseThrow());
    for (int i = 0; i < 3; i++) {
      byte[] expected = runs.get(i).get(0).clone();
      System.arraycopy(Secp256k1Scalar.of(11 + i).timesGenerator().toCompressed(), 0, expected, 35, 33);
      assertThat(wrong.get(i).get(0)).as("run %d: R + G, the rest unchanged", i).isEqualTo(expected);
    }
    assertThat(FaultInjection.SIGN.corrupt(frame)).as("no sign message in it").isEmpty();
    assertThat(FaultInjection.PRESIGN.corrupt(java.util.Arrays.copyOf(frame, frame.length - 1))).as("not a frame").isEmpty();
  }

  @Test
  void signModeLeavesPresignAloneAndMakesTheLeadersFinalCheckFail() {
    var keys = keygen(3, 1, FaultInjection.SIGN);
    ParticipantSet signers = ParticipantSet.ofRange(3);
    RunResult<Presignature> made = presign(keys, signers, FaultInjection.SIGN);
    assertThat(made.allFinished()).as("presign is untouched: %s", made.aborts()).isTrue();
    RunResult<Presignature> other = presign(keys, signers, FaultInjection.OFF);
    ParticipantId leader = ParticipantId.of(1);

    RunResult<Optional<EcdsaSignature>> honest = sign(other.outputs(), signers, leader, request(), FaultInjection.OFF);
    assertThat(honest.output(leader)).as("the same signers sign without the fault").isPresent();

    RunResult<Optional<EcdsaSignature>> r = sign(made.outputs(), signers, leader, request(), FaultInjection.SIGN);
    assertThat(r.aborts()).containsOnlyKeys(leader);
    assertThat(r.aborts().get(leader).getMessage()).contains("combined signature does not verify");
    assertThat(r.aborts().get(leader).blamed()).isEmpty();
  }

  @Test
  void theOutboxChangesOnlyTheModesProtocolMessages() {
    List<byte[]> sent = new ArrayList<>();
    MeshOutbox wire = new MeshOutbox() {
      @Override
      public boolean send(ParticipantId to, SessionId session, byte[] payload) {
        return sent.add(payload);
      }

      @Override
      public Set<ParticipantId> reachable() {
        return Set.of(ParticipantId.of(1), ParticipantId.of(3));
      }
    };
    assertThat(FaultInjection.OFF.wrap(wire)).isSameAs(wire);
    MeshOutbox out = FaultInjection.SIGN.wrap(wire);
    assertThat(out.reachable()).containsExactlyInAnyOrder(ParticipantId.of(1), ParticipantId.of(3));

    byte[] share = new byte[35 + 64];
    share[0] = 1;
    share[1] = 3;
    share[2] = 1;
    share[share.length - 1] = 5;
    byte[] protocol = new SessionMessage(SessionMessage.PROTOCOL, share).encode();
    byte[] proposal = new SessionMessage(SessionMessage.PROPOSAL, share).encode();
    SessionId session = SessionId.fromLabel("outbox");
    out.send(ParticipantId.of(1), session, proposal);
    out.send(ParticipantId.of(1), session, protocol);

    assertThat(sent.get(0)).isEqualTo(proposal);
    byte[] wrong = SessionMessage.decode(sent.get(1)).body();
    assertThat(wrong[wrong.length - 1]).isEqualTo((byte) 6);
    wrong[wrong.length - 1] = 5;
    assertThat(wrong).as("only s_i changed").isEqualTo(share);
  }

  @Test
  void modesParseByNameAndUnknownNamesAreRefused() {
    assertThat(FaultInjection.parse("presign")).isEqualTo(FaultInjection.PRESIGN);
    assertThat(FaultInjection.parse("SIGN")).isEqualTo(FaultInjection.SIGN);
    assertThat(FaultInjection.parse("off").isOn()).isFalse();
    assertThat(FaultInjection.PRESIGN.isOn()).isTrue();
    assertThat(FaultInjection.SIGN.mode()).isEqualTo("sign");
    assertThatThrownBy(() -> FaultInjection.parse("keygen"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown fault-injection mode 'keygen'; one of off, presign, sign");
    assertThatThrownBy(() -> FaultInjection.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
