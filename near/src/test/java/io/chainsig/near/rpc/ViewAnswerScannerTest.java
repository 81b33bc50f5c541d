package io.chainsig.near.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finding a view answer's byte array in the raw answer: where it is, what it holds, and when not to. */
class ViewAnswerScannerTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes as NEAR writes them: {@code [1,2,3]}, with {@code space} after each comma. */
  static String byteArray(byte[] bytes, String space) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < bytes.length; i++) {
      b.append(i == 0 ? "" : "," + space).append(bytes[i] & 0xff);
    }
    return b.append(']').toString();
  }

  @Test
  void findsTheBytesOfASandboxShapedAnswer() {
    String array = byteArray(utf8("{\"a\":1}"), "");
    String answer = "{\"jsonrpc\":\"2.0\",\"result\":{\"result\":" + array
        + ",\"logs\":[],\"block_height\":7,\"block_hash\":\"9zJh\"},\"id\":\"cs1\"}";
    ViewAnswerScanner.Found f = ViewAnswerScanner.scan(utf8(answer));
    assertThat(f).isNotNull();
    assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(answer.substring(f.start(), f.end())).isEqualTo(array);
  }

  @Test
  void findsTheBytesAfterOtherFieldsOfAnyKind() {
    String answer = " {\n \"id\" : \"x\\\"result\\\":{\\\"result\\\":[1]}\", \"n\": -1.5e3, \"t\":true, \"z\":null,"
        + " \"o\": {\"result\": [9, 9], \"s\": \"]}\"}, \"a\": [[1], {\"result\": [2]}],\n"
        + " \"result\" : { \"logs\": [\"result\"], \"block_hash\": \"h\", \"result\" : [ 0 , 255 ,16 ] } }";
    ViewAnswerScanner.Found f = ViewAnswerScanner.scan(utf8(answer));
    assertThat(f).isNotNull();
    assertThat(f.bytes()).containsExactly(0, -1, 16);
    assertThat(answer.substring(f.start(), f.end())).isEqualTo("[ 0 , 255 ,16 ]");
  }

  @Test
  void findsAnEmptyArray() {
    assertThat(ViewAnswerScanner.scan(utf8("{\"result\":{\"result\":[ ]}}")).bytes()).isEmpty();
  }

  @Test
  void findsNothingWhereAViewAnswerHasNoBytes() {
    for (String answer : new String[] {
        "", "   ", "[]", "null", "{}", "{\"result\":{}}", "{\"result\":null}", "{\"result\":[1,2]}",
        "{\"error\":{\"name\":\"HANDLER_ERROR\"},\"id\":1}",
        "{\"result\":{\"error\":\"wasm execution failed\",\"logs\":[]}}",
        "{\"result\":{\"result\":\"[1,2]\"}}",
        "{\"other\":{\"result\":[1,2]}}",
        "{\"result\":{\"inner\":{\"result\":[1,2]}}}",
        "{\"result\":{\"logs\":[],\"result\":",
        "{\"result\":{\"logs\":\"unterminated",
        "{\"result\":{\"resultX\":[1]}}",
        "{\"id\":1 \"result\":{\"result\":[1]}}"}) {
      assertThat(ViewAnswerScanner.scan(utf8(answer))).as(answer).isNull();
    }
  }

  @Test
  void findsNothingWhenAnElementIsNotAByte() {
    for (String array : new String[] {
        "[256]", "[-1]", "[1.5]", "[1e2]", "[01]", "[00]", "[\"1\"]", "[1,]", "[,1]", "[1 2]", "[null]",
        "[[1]]", "[1", "[1,", "[99999999999999999999]", "[true]"}) {
      String answer = "{\"result\":{\"result\":" + array + "}}";
      assertThat(ViewAnswerScanner.scan(utf8(answer))).as(array).isNull();
    }
  }

  @Test
  void decodesAnyBytesInAnyLayout() {
    qt().withExamples(300)
        .forAll(integers().between(0, 3000), longs().all())
        .checkAssert((len, seed) -> {
          Random r = new Random(seed);
          byte[] bytes = new byte[len];
          r.nextBytes(bytes);
          String space = new String[] {"", " ", "\n  ", "\t"}[r.nextInt(4)];
          String answer = "{" + space + "\"jsonrpc\":\"2.0\"," + space + "\"result\":{\"logs\":[\"a\\\\\"]," + space
              + "\"result\":" + space + byteArray(bytes, space) + space + "},\"id\":" + r.nextInt() + "}";
          ViewAnswerScanner.Found f = ViewAnswerScanner.scan(utf8(answer));
          assertThat(f).isNotNull();
          assertThat(f.bytes()).isEqualTo(bytes);
          assertThat(answer.charAt(f.start())).isEqualTo('[');
          assertThat(answer.charAt(f.end() - 1)).isEqualTo(']');
        });
  }

  @Test
  void neverReadsBeyondTheAnswer() {
    byte[] whole = utf8("{\"result\":{\"logs\":[\"x\"],\"result\":[1,22,255]},\"id\":\"cs\\\"1\"}");
    for (int cut = 0; cut < whole.length; cut++) {
      ViewAnswerScanner.Found f = ViewAnswerScanner.scan(Arrays.copyOf(whole, cut));
      if (f != null) {
        assertThat(f.bytes()).containsExactly(1, 22, -1);
      }
    }
  }
}
