package io.chainsig.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewResultProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How the RPC wrote a view result before: one Jackson number node per byte. */
  private static String jacksonArray(byte[] value) {
    ArrayNode a = MAPPER.createArrayNode();
    for (byte b : value) {
      a.add(b & 0xff);
    }
    return a.toString();
  }

  private static byte[] bytes(List<Integer> values) {
    byte[] out = new byte[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (int) values.get(i);
    }
    return out;
  }

  @Test
  void byteArrayJsonIsWhatJacksonWroteForEveryByteValue() {
    qt().withExamples(2_000).forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 300))
        .checkAssert(values -> {
          byte[] value = bytes(values);
          ViewResult r = new ViewResult(value);
          assertThat(r.byteArrayJson()).isEqualTo(jacksonArray(value));
          assertThat(r.rawByteArrayJson().asUnquotedUTF8())
              .isEqualTo(jacksonArray(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertThat(new ViewResult(all).byteArrayJson()).isEqualTo(jacksonArray(all));
    assertThat(new ViewResult(new byte[0]).byteArrayJson()).isEqualTo("[]");
  }

  @Test
  void theValueIsCopiedInAndOut() {
    byte[] value = {1, 2, 3};
    ViewResult r = new ViewResult(value);
    value[0] = 9;
    r.value()[1] = 9;
    assertThat(r.value()).containsExactly(1, 2, 3);
    assertThat(r.hasValue(new byte[] {1, 2, 3})).isTrue();
    assertThat(r.hasValue(new byte[] {1, 2})).isFalse();
    assertThat(r.byteArrayJson()).isSameAs(r.byteArrayJson()).isEqualTo("[1,2,3]");
    assertThat(r.rawByteArrayJson()).isSameAs(r.rawByteArrayJson());
  }
}
