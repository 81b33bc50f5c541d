package io.chainsig.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsciiJsonTest {
  @Test
  void keepsACopyOfTheRangeAsTextAndBytes() {
    byte[] src = "x[1,2]y".getBytes(StandardCharsets.US_ASCII);
    AsciiJson json = AsciiJson.of(src, 1, 6);
    src[2] = '9';
    assertThat(json.getValue()).isEqualTo("[1,2]");
    assertThat(json.asUnquotedUTF8()).isEqualTo("[1,2]".getBytes(StandardCharsets.US_ASCII));
    byte[] out = new byte[8];
    assertThat(json.appendUnquotedUTF8(out, 3)).isEqualTo(5);
    assertThat(new String(out, 3, 5, StandardCharsets.US_ASCII)).isEqualTo("[1,2]");
  }

  @Test
  void refusesNonAsciiBytes() {
    byte[] utf8 = "\"é\"".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AsciiJson.of(utf8, 0, utf8.length))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("raw JSON must be ASCII");
  }
}
