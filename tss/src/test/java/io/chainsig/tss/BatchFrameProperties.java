package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.tss.internal.MessageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch frame encoding: what is encoded decodes to the same messages; a cut frame never does. */
class BatchFrameProperties {
  /** A batch of {@code count} runs with a random number of random messages per run (at least one in all). */
  static List<List<byte[]>> randomMessages(BatchFrameCodec codec, Random rnd) {
    List<List<byte[]>> out = new ArrayList<>();
    for (int i = 0; i < codec.count(); i++) {
      List<byte[]> run = new ArrayList<>();
      int n = rnd.nextInt(4) + (i == 0 ? 1 : 0);
      for (int j = 0; j < n; j++) {
        byte[] m = new byte[MessageCodec.HEADER_LENGTH + rnd.nextInt(300)];
        rnd.nextBytes(m);
        System.arraycopy(codec.subSession(i).bytes(), 0, m, 3, SessionId.LENGTH);
        run.add(m);
      }
      out.add(run);
    }
    return out;
  }

  static BatchFrameCodec codec(int count, long seed) {
    return BatchFrameCodec.of(SessionId.fromLabel("frames " + seed), count);
  }

  @Test
  void everyFrameDecodesToTheMessagesEncoded() {
    qt().withExamples(200)
        .forAll(integers().between(1, BatchFrameCodec.MAX_COUNT), longs().all())
        .checkAssert((count, seed) -> {
          BatchFrameCodec codec = codec(count, seed);
          List<List<byte[]>> messages = randomMessages(codec, new Random(seed));
          List<List<byte[]>> back = codec.decode(codec.encode(messages));
          assertThat(back).hasSize(count);
          for (int i = 0; i < count; i++) {
            assertThat(back.get(i)).hasSameSizeAs(messages.get(i));
            for (int j = 0; j < messages.get(i).size(); j++) {
              assertThat(back.get(i).get(j)).isEqualTo(messages.get(i).get(j));
            }
          }
          assertThat(BatchFrameCodec.ofFrame(codec.encode(messages)).session()).isEqualTo(codec.session());
        });
  }

  @Test
  void everyTruncatedOrExtendedFrameIsRejected() {
    qt().withExamples(200)
        .forAll(integers().between(1, 16), longs().all(), integers().between(0, 10_000), integers().between(1, 3))
        .checkAssert((count, seed, cut, extra) -> {
          BatchFrameCodec codec = codec(count, seed);
          byte[] frame = codec.encode(randomMessages(codec, new Random(seed)));
          byte[] truncated = Arrays.copyOf(frame, cut % frame.length);
          assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
          byte[] longer = Arrays.copyOf(frame, frame.length + extra);
          assertThatThrownBy(() -> codec.decode(longer)).isInstanceOf(IllegalArgumentException.class);
        });
  }

  @Test
  void aMessageWithoutItsRunsSubSessionIsNotEncoded() {
    BatchFrameCodec codec = codec(2, 1);
    byte[] m = new byte[MessageCodec.HEADER_LENGTH];
    System.arraycopy(codec.subSession(0).bytes(), 0, m, 3, SessionId.LENGTH);
    assertThatThrownBy(() -> codec.encode(List.of(List.of(), List.of(m))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a message of run 1 does not carry its sub-session id");
    assertThatThrownBy(() -> BatchFrameCodec.of(codec.session(), BatchFrameCodec.MAX_COUNT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
