package io.chainsig.node.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mesh frame format: round trips, and every malformed frame rejected with a reason. */
class MeshMessageTest {
  private static MeshMessage randomMessage(int sessionIdLength, int payloadLength, long seed) {
    Random r = new Random(seed);
    byte[] s = new byte[sessionIdLength];
    byte[] p = new byte[payloadLength];
    r.nextBytes(s);
    r.nextBytes(p);
    return new MeshMessage(s, p);
  }

  @Test
  void roundTripsAnySessionAndPayload() {
    qt().withExamples(300)
        .forAll(integers().between(1, MeshMessage.MAX_SESSION_ID), integers().between(0, 5000), longs().all())
        .checkAssert(
            (sid, len, seed) -> {
              MeshMessage m = randomMessage(sid, len, seed);
              assertThat(MeshMessage.decode(m.encode())).isEqualTo(m);
            });
  }

  @Test
  void aFrameIsTheBigEndianBodyLengthThenTheBody() {
    qt().withExamples(200)
        .forAll(integers().between(1, MeshMessage.MAX_SESSION_ID), integers().between(0, 70000), longs().all())
        .checkAssert(
            (sid, len, seed) -> {
              MeshMessage m = randomMessage(sid, len, seed);
              ByteBuf out = Unpooled.buffer(1);
              out.writeByte(0x5a); // frames are appended after what a buffer already holds
              m.writeFrame(out);
              byte[] body = m.encode();
              assertThat(m.frameLength()).isEqualTo(4 + body.length);
              assertThat(out.readableBytes()).isEqualTo(1 + m.frameLength());
              assertThat(out.readByte()).isEqualTo((byte) 0x5a);
              assertThat(out.readInt()).isEqualTo(body.length);
              assertThat(ByteBufUtil.getBytes(out)).isEqualTo(body);
            });
  }

  @Test
  void arbitraryBytesEitherParseOrAreRejectedCleanly() {
    qt().withExamples(1000)
        .forAll(integers().between(0, 100), longs().all())
        .checkAssert(
            (len, seed) -> {
              byte[] b = new byte[len];
              new Random(seed).nextBytes(b);
              if (len > 0 && seed % 2 == 0) {
                b[0] = MeshMessage.VERSION;
              }
              try {
                assertThat(MeshMessage.decode(b).encode()).isEqualTo(b);
              } catch (MalformedFrameException expected) {
                assertThat(expected.getMessage()).isNotBlank();
              }
            });
  }

  @Test
  void rejectsEachMalformation() {
    assertThatThrownBy(() -> MeshMessage.decode(new byte[] {1})).hasMessageContaining("shorter than its header");
    assertThatThrownBy(() -> MeshMessage.decode(new byte[] {2, 1, 0})).hasMessageContaining("version 2");
    assertThatThrownBy(() -> MeshMessage.decode(new byte[] {1, 0, 0})).hasMessageContaining("length 0");
    assertThatThrownBy(() -> MeshMessage.decode(new byte[] {1, 65, 0})).hasMessageContaining("length 65");
    assertThatThrownBy(() -> MeshMessage.decode(new byte[] {1, 4, 0})).hasMessageContaining("truncated");
    assertThatThrownBy(() -> new MeshMessage(new byte[0], new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MeshMessage(new byte[1], new byte[MeshMessage.MAX_FRAME_BYTES]))
        .hasMessageContaining("frame cap");
  }
}
