package io.chainsig.tss.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.tss.BatchFrameCodec;
import io.chainsig.tss.EcdsaSimulations;
import io.chainsig.tss.IndependentVerifier;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.Envelope;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Several presignatures from one presign session ({@code docs/protocols/presign.md}, "Batching"). */
class PresignBatchTest {
  private static final ParticipantId LIAR = ParticipantId.of(2);
  private static final ParticipantSet FIVE = ParticipantSet.ofRange(5);

  static Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> key() {
    return MaliciousSignerTest.key(5, 2);
  }

  static Map<ParticipantId, Protocol<List<Presignature>>> batchParties(int count, long seed) {
    SessionId session = SessionId.fromLabel("presign batch " + seed);
    Map<ParticipantId, Protocol<List<Presignature>>> parties = new LinkedHashMap<>();
    for (ParticipantId p : FIVE.ids()) {
      parties.put(p, Presign.startBatch(session, key().get(p), FIVE, count, new SeededRandom(seed * 31 + p.value())));
    }
    return parties;
  }

  @Test
  void aBatchOfFourAmongFiveGivesFourPresignaturesThatEachSignOnce() {
    RunResult<List<Presignature>> r = InMemoryNetwork.reliable().run(batchParties(4, 1));
    assertThat(r.allFinished()).as("%s", r.aborts()).isTrue();
    Set<PresignatureId> ids = new HashSet<>();
    Set<Secp256k1Point> nonces = new HashSet<>();
    Secp256k1Point root = key().get(ParticipantId.of(1)).publicKey();
    for (int i = 0; i < 4; i++) {
      Map<ParticipantId, Presignature> run = new LinkedHashMap<>();
      for (ParticipantId p : FIVE.ids()) {
        Presignature pre = r.output(p).get(i);
        assertThat(pre.owner()).isEqualTo(p);
        assertThat(pre.signers()).isEqualTo(FIVE);
        run.put(p, pre);
      }
      Presignature first = run.get(ParticipantId.of(1));
      assertThat(run.values()).allSatisfy(pre -> {
        assertThat(pre.id()).as("every signer has the same id for run %d", 0).isEqualTo(first.id());
        assertThat(pre.bigR()).isEqualTo(first.bigR());
      });
      assertThat(ids.add(first.id())).as("presignature ids of a batch are distinct").isTrue();
      assertThat(nonces.add(first.bigR())).as("nonces of a batch are distinct").isTrue();

      DerivationTweak tweak = ThresholdEcdsaTest.tweak("batch-" + i);
      SignRequest request = ThresholdEcdsaTest.request("batched presignature " + i, tweak);
      EcdsaSignature sig = EcdsaSimulations.sign(run, ParticipantId.of(1 + i), request);
      IndependentVerifier.assertRecovers(sig, request.messageHash(), ThresholdEcdsaTest.childKey(root, tweak));
      assertThatThrownBy(() -> EcdsaSimulations.sign(run, ParticipantId.of(1), request))
          .isInstanceOf(PresignatureReusedException.class);
    }
  }

  @Test
  void aBatchSendsOneMessagePerRecipientPerRound() {
    RunResult<List<Presignature>> single = InMemoryNetwork.reliable().run(batchParties(1, 2));
    RunResult<List<Presignature>> batch = InMemoryNetwork.reliable().run(batchParties(8, 2));
    assertThat(batch.allFinished()).isTrue();
    for (ParticipantId p : FIVE.ids()) {
      // Three rounds, four recipients, whatever the batch size.
      assertThat(single.messagesSent().get(p)).isEqualTo(12);
      assertThat(batch.messagesSent().get(p)).isEqualTo(12);
      assertThat(batch.output(p)).hasSize(8);
    }
  }

  @Test
  void theCountIsOneToSixteen() {
    var share = key().get(ParticipantId.of(1));
    SessionId s = SessionId.fromLabel("count");
    for (int bad : new int[] {0, -1, Presign.MAX_BATCH + 1}) {
      assertThatThrownBy(() -> Presign.startBatch(s, share, FIVE, bad, new SeededRandom(1)))
          .isInstanceOf(ProtocolSetupException.class)
          .hasMessage("a presign batch makes 1 to 16 presignatures, got " + bad);
    }
    assertThatThrownBy(() -> Presign.startBatch(s, share, ParticipantSet.ofRange(3), 2, new SeededRandom(1)))
        .isInstanceOf(ProtocolSetupException.class)
        .hasMessageContaining("2t+1");
    assertThat(Presign.startBatch(s, share, FIVE, Presign.MAX_BATCH, new SeededRandom(1))).isNotNull();
  }

  /** Runs the batch with every frame of {@code LIAR} in {@code round} to {@code to} (null: all) rewritten. */
  static RunResult<List<Presignature>> withLiar(int count, int round, ParticipantId to, UnaryOperator<byte[]> rewrite) {
    return InMemoryNetwork.builder()
        .misbehave(LIAR, e -> List.of(roundOf(e) == round && (to == null || e.to().equals(to))
            ? e.withBytes(rewrite.apply(e.bytes().clone())) : e))
        .build()
        .run(batchParties(count, 40 + round));
  }

  /** The round of the messages in a frame (every run is in the same round). */
  static int roundOf(Envelope e) {
    return e.bytes()[MessageCodec.HEADER_LENGTH + 2 + 2 + 2] & 0xFF;
  }

  /** Rewrites the messages of run {@code run} inside a frame. */
  static UnaryOperator<byte[]> inRun(int run, UnaryOperator<byte[]> rewrite) {
    return frame -> {
      BatchFrameCodec codec = BatchFrameCodec.ofFrame(frame);
      List<List<byte[]>> messages = new ArrayList<>(codec.decode(frame));
      messages.set(run, messages.get(run).stream().map(m -> rewrite.apply(m.clone())).toList());
      return codec.encode(messages);
    };
  }

  @Test
  void aWrongNonceShareInOneRunAbortsTheBatchSuspectingTheLiar() {
    RunResult<List<Presignature>> r = withLiar(4, 2, null,
        inRun(2, MaliciousSignerTest.replace(MessageCodec.HEADER_LENGTH, MaliciousSignerTest.OTHER_POINT)));
    assertThat(r.outputs().keySet()).isSubsetOf(LIAR);
    assertThat(MaliciousSignerTest.honestAborts(r)).hasSize(4);
    MaliciousSignerTest.honestAborts(r).values().forEach(MaliciousSignerTest::assertSuspectsOnlyTheLiar);
  }

  @Test
  void aMalformedMessageInOneRunAbortsTheBatchBlamingItsSender() {
    // Run 3's round-1 share to P1 loses a byte: P1's run 3 blames the liar, so P1's batch does.
    RunResult<List<Presignature>> r = withLiar(4, 1, ParticipantId.of(1),
        inRun(3, m -> Arrays.copyOf(m, m.length - 1)));
    assertThat(r.outputs()).doesNotContainKey(ParticipantId.of(1));
    ProtocolAbortException a = r.aborts().get(ParticipantId.of(1));
    assertThat(a.culprit()).as(a.getMessage()).contains(LIAR);
    assertThat(a.getMessage()).contains("malformed round 1 message");
  }

  @Test
  void malformedFramesAbortBlamingTheirSender() {
    Map<String, UnaryOperator<byte[]>> bad = new LinkedHashMap<>();
    bad.put("trailing bytes", f -> Arrays.copyOf(f, f.length + 1));
    bad.put("truncated", f -> Arrays.copyOf(f, f.length - 1));
    bad.put("frame for a batch of 3 runs", f -> {
      f[2] = 3;
      return f;
    });
    bad.put("batch count 0 is not in", f -> {
      f[2] = 0;
      return f;
    });
    bad.put("not a batch frame", f -> {
      f[1] = (byte) MessageCodec.PROTOCOL_PRESIGN;
      return f;
    });
    bad.put("another session", f -> {
      f[3] ^= 1;
      return f;
    });
    bad.put("oversized", f -> new byte[BatchFrameCodec.MAX_FRAME_BYTES + 1]);
    bad.put("without messages", f -> BatchFrameCodec.ofFrame(f).encode(List.of(List.of(), List.of(), List.of(), List.of())));
    bad.put("shorter than its header", f -> {
      f[MessageCodec.HEADER_LENGTH + 2] = 0;
      f[MessageCodec.HEADER_LENGTH + 3] = 2;
      return f;
    });
    bad.forEach((what, rewrite) -> {
      RunResult<List<Presignature>> r = withLiar(4, 1, ParticipantId.of(1), rewrite);
      ProtocolAbortException a = r.aborts().get(ParticipantId.of(1));
      assertThat(a).as(what).isNotNull();
      assertThat(a.culprit()).as(a.getMessage()).contains(LIAR);
      assertThat(a.getMessage()).as(what).contains("bad batch frame from P2: ").contains(what);
      assertThat(r.outputs()).doesNotContainKey(ParticipantId.of(1));
    });
  }

  @Test
  void aFrameOfAnotherBatchSizeIsRefused() {
    SessionId s = SessionId.fromLabel("sizes");
    BatchFrameCodec four = BatchFrameCodec.of(s, 4);
    BatchFrameCodec two = BatchFrameCodec.of(s, 2);
    byte[] frame = two.encode(List.of(List.of(message(two.subSession(0))), List.of()));
    assertThatThrownBy(() -> four.decode(frame))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame for a batch of 2 runs, this batch has 4");
    assertThat(two.subSession(0)).isNotEqualTo(four.subSession(0)).isNotEqualTo(s);
  }

  static byte[] message(SessionId sub) {
    byte[] m = new byte[MessageCodec.HEADER_LENGTH + 5];
    m[0] = MessageCodec.VERSION;
    m[1] = MessageCodec.PROTOCOL_PRESIGN;
    m[2] = 1;
    System.arraycopy(sub.bytes(), 0, m, 3, SessionId.LENGTH);
    return m;
  }
}
