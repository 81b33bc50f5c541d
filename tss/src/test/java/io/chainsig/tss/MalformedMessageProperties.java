package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.tss.ecdsa.Presign;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.simulation.Envelope;
import io.chainsig.tss.simulation.InMemoryNetwork;
import io.chainsig.tss.simulation.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes a peer sends in place of one of its messages (random length, random payload,
 * with a valid or random header, but not a well-formed message of the right length), the receiver
 * never lets an exception escape and never finishes: it aborts and blames exactly that peer.
 */
class MalformedMessageProperties {
  private static final ParticipantId LIAR = ParticipantId.of(2);
  private static final ParticipantId VICTIM = ParticipantId.of(1);

  static Envelope garble(Envelope e, int length, long seed, boolean keepHeader) {
    Random rnd = new Random(seed);
    if (keepHeader && length == e.bytes().length) {
      // Same length and a valid header could be a well-formed but wrong message; those are
      // covered by the targeted tests, where blame needs redundancy.
      length++;
    }
    byte[] b = new byte[length];
    rnd.nextBytes(b);
    if (keepHeader && length >= MessageCodec.HEADER_LENGTH) {
      System.arraycopy(e.bytes(), 0, b, 0, MessageCodec.HEADER_LENGTH);
    }
    if (java.util.Arrays.equals(b, e.bytes())) {
      b = new byte[0];
    }
    return e.withBytes(b);
  }

  static <T> void assertBlamed(Map<ParticipantId, ? extends Protocol<T>> parties, int round, int length, long seed, boolean keepHeader) {
    RunResult<T> r =
        InMemoryNetwork.builder()
            .misbehave(LIAR, e -> List.of(
                e.to().equals(VICTIM) && e.bytes()[2] == round ? garble(e, length, seed, keepHeader) : e))
            .build()
            .run(parties);
    assertThat(r.outputs()).doesNotContainKey(VICTIM);
    assertThat(r.aborts()).containsKey(VICTIM);
    assertThat(r.aborts().get(VICTIM).culprit()).as(r.aborts().get(VICTIM).getMessage()).contains(LIAR);
  }

  @Test
  void keygenBlamesTheSenderOfAnyMalformedMessage() {
    qt().withExamples(60)
        .forAll(integers().between(1, 4), integers().between(0, 400), longs().all(), integers().between(0, 1))
        .checkAssert((round, length, seed, keep) ->
            assertBlamed(Simulations.keygenParties(ParticipantSet.ofRange(3), 1, 5), round, length, seed, keep == 1));
  }

  @Test
  void presignBlamesTheSenderOfAnyMalformedMessage() {
    var shares = Simulations.keygen(3, 1, 6);
    qt().withExamples(60)
        .forAll(integers().between(1, 3), integers().between(0, 300), longs().all(), integers().between(0, 1))
        .checkAssert((round, length, seed, keep) ->
            assertBlamed(EcdsaSimulations.presignParties(shares, ParticipantSet.ofRange(3), seed), round, length, seed, keep == 1));
  }

  @Test
  void presignBatchBlamesTheSenderOfAnyMalformedFrame() {
    var shares = Simulations.keygen(3, 1, 6);
    ParticipantSet signers = ParticipantSet.ofRange(3);
    qt().withExamples(60)
        .forAll(integers().between(1, 3), integers().between(0, 600), longs().all(), integers().between(0, 1))
        .checkAssert((round, length, seed, keep) -> {
          SessionId session = SessionId.fromLabel("batch " + seed);
          Map<ParticipantId, Protocol<List<Presignature>>> parties = new java.util.LinkedHashMap<>();
          for (ParticipantId p : signers.ids()) {
            parties.put(p, Presign.startBatch(session, shares.get(p), signers, 3, new SeededRandom(seed + p.value())));
          }
          // A frame's first message starts after the header and two 2-byte counts; its third byte is the round.
          RunResult<List<Presignature>> r =
              InMemoryNetwork.builder()
                  .misbehave(LIAR, e -> List.of(
                      e.to().equals(VICTIM) && e.bytes()[MessageCodec.HEADER_LENGTH + 6] == round
                          ? garble(e, length, seed, keep == 1) : e))
                  .build()
                  .run(parties);
          assertThat(r.outputs()).doesNotContainKey(VICTIM);
          assertThat(r.aborts().get(VICTIM).culprit()).as(r.aborts().get(VICTIM).getMessage()).contains(LIAR);
        });
  }
}
