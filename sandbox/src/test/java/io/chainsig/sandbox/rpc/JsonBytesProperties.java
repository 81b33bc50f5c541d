package io.chainsig.sandbox.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.chainsig.sandbox.state.AsciiJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Answers written by {@link JsonBytes} are byte for byte the encoded {@code toString()}. */
class JsonBytesProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Characters that JSON writers treat specially, plus plain ones. */
  private static final char[] ODD = {'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', 0, 1,
      0x1f, 0x7f, 0x80, 0xe9, 0xff, 0x100, 0x7ff, 0x800, 0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff,
      0xd800, 0xdbff, 0xdc00, 0xdfff};

  private static String oldWay(JsonNode n) {
    return new String(n.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String newWay(JsonNode n) {
    return new String(JsonBytes.utf8(n), StandardCharsets.ISO_8859_1);
  }

  /** A string of odd characters; with {@code surrogates} false it has none. */
  private static String text(Random r, boolean surrogates) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a valid pair
        case 1 -> b.append((char) r.nextInt(0x10000));
        case 2 -> b.append((char) (0x20 + r.nextInt(0x5f)));
        default -> b.append(ODD[r.nextInt(ODD.length)]);
      }
    }
    String s = b.toString();
    if (surrogates) {
      return s;
    }
    StringBuilder clean = new StringBuilder();
    s.chars().filter(c -> !Character.isSurrogate((char) c)).forEach(c -> clean.append((char) c));
    return clean.toString();
  }

  private static JsonNode tree(Random r, int depth, boolean surrogates) {
    int kind = r.nextInt(depth <= 0 ? 12 : 16);
    return switch (kind) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(r.nextBoolean());
      case 2 -> F.numberNode(r.nextInt());
      case 3 -> F.numberNode(r.nextLong());
      case 4 -> F.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 5 -> F.numberNode(new BigInteger(100, r).negate());
      case 6 -> F.numberNode(new BigDecimal(new BigInteger(70, r), r.nextInt(20) - 10));
      case 7 -> F.numberNode(r.nextFloat());
      case 8 -> F.binaryNode(new byte[] {(byte) r.nextInt(), (byte) r.nextInt(), (byte) r.nextInt()});
      case 9 -> F.rawValueNode(new RawValue(asciiJson(r)));
      case 10 -> F.rawValueNode(new RawValue("\"" + text(r, surrogates).replace("\"", "").replace("\\", "") + "\""));
      case 11 -> F.textNode(text(r, surrogates));
      case 12, 13 -> {
        ObjectNode o = F.objectNode();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          o.set(text(r, surrogates), tree(r, depth - 1, surrogates));
        }
        yield o;
      }
      default -> {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          a.add(tree(r, depth - 1, surrogates));
        }
        yield a;
      }
    };
  }

  private static AsciiJson asciiJson(Random r) {
    byte[] digits = Integer.toString(r.nextInt(1000)).getBytes(StandardCharsets.US_ASCII);
    byte[] json = new byte[digits.length + 2];
    json[0] = '[';
    System.arraycopy(digits, 0, json, 1, digits.length);
    json[json.length - 1] = ']';
    return AsciiJson.of(json, 0, json.length);
  }

  @Test
  void randomTreesWithOddStringsAreWrittenAsBefore() {
    qt().withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
      JsonNode n = tree(new Random(seed), 4, seed % 2 == 0);
      assertThat(newWay(n)).isEqualTo(oldWay(n));
    });
  }

  @Test
  void treesWithoutSurrogatesOrUnknownRawValuesGoTheByteWay() {
    qt().withExamples(1_000).forAll(longs().all()).checkAssert(seed -> {
      JsonNode n = tree(new Random(seed), 4, false);
      assertThat(JsonBytes.writableAsBytes(n)).isEqualTo(!hasStringRaw(n));
    });
  }

  private static boolean hasStringRaw(JsonNode n) {
    if (n.isPojo()) {
      return !(((RawValue) ((com.fasterxml.jackson.databind.node.POJONode) n).getPojo()).rawValue()
          instanceof AsciiJson);
    }
    for (JsonNode c : n) {
      if (hasStringRaw(c)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void surrogatesInNamesOrStringsGoTheStringWay() throws Exception {
    ObjectMapper m = new ObjectMapper();
    for (String s : new String[] {"\ud800", "x\udfff", "\ud83d\ude00", "\ude00\ud83d"}) {
      ObjectNode value = F.objectNode().put("id", s);
      ObjectNode name = F.objectNode().put(s, 1);
      ArrayNode nested = F.arrayNode().add(F.arrayNode().add(F.objectNode().set("k", F.textNode(s))));
      for (JsonNode n : new JsonNode[] {value, name, nested}) {
        assertThat(JsonBytes.writableAsBytes(n)).isFalse();
        assertThat(newWay(n)).isEqualTo(oldWay(n));
      }
      // what the byte generator alone would write instead
      assertThat(new String(m.writeValueAsBytes(value), StandardCharsets.ISO_8859_1)).isNotEqualTo(oldWay(value));
    }
    assertThat(newWay(F.objectNode().put("id", "a\ud800b"))).isEqualTo("{\"id\":\"a?b\"}");
    assertThat(JsonBytes.utf8(F.objectNode().put("e", "\ud83d\ude00")))
        .isEqualTo("{\"e\":\"\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void knownAsciiRawValuesGoTheByteWay() {
    byte[] big = new byte[70_000];
    java.util.Arrays.fill(big, (byte) '1');
    big[0] = '[';
    big[big.length - 1] = ']';
    ObjectNode o = F.objectNode().put("jsonrpc", "2.0");
    o.putObject("result").putRawValue("result", new RawValue(AsciiJson.of(big, 0, big.length))).putArray("logs");
    o.put("id", "dontcare");
    assertThat(JsonBytes.writableAsBytes(o)).isTrue();
    assertThat(newWay(o)).isEqualTo(oldWay(o));
    assertThat(JsonBytes.writableAsBytes(F.objectNode().putRawValue("r", new RawValue("[1]")))).isFalse();
  }
}
