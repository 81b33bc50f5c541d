package io.chainsig.wallet.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.derivation.NearAccountId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of path canonicalisation: key order, numbers, unicode and nesting. */
class DerivationPathProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void topLevelKeyOrderAndWhitespaceDoNotChangeTheCanonicalString() {
    qt().withExamples(300)
        .forAll(longs().between(0, DerivationPath.MAX_COIN_TYPE), longs().all())
        .checkAssert(
            (chain, seed) -> {
              Random random = new Random(seed);
              JsonNode meta = randomJson(random, 3);
              List<String> fields = new ArrayList<>(List.of(
                  "\"chain\" : " + chain,
                  "\"domain\":\"near.org\"",
                  "\"meta\":\n" + meta.toPrettyString()));
              Collections.shuffle(fields, random);
              String text = "{ " + String.join(" ,\t", fields) + " }";
              DerivationPath path = DerivationPathJson.parse(text);
              assertThat(path.canonicalJson())
                  .startsWith("{\"chain\":" + chain + ",\"domain\":\"near.org\",\"meta\":")
                  .isEqualTo(DerivationPathJson.parse(path.canonicalJson()).canonicalJson());
            });
  }

  @Test
  void canonicalizationIsIdempotentForNestedMeta() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              DerivationPath path = DerivationPath.ofChain(0).withMeta(randomJson(new Random(seed), 4));
              String once = path.canonicalJson();
              assertThat(DerivationPathJson.parse(once).canonicalJson()).isEqualTo(once);
            });
  }

  @Test
  void numbersCanonicalizeToTheShortestDoubleThatReadsBack() {
    qt().withExamples(500)
        .forAll(doubles().between(-1e300, 1e300))
        .checkAssert(
            value -> {
              String canonical = DerivationPath.empty().withMeta(JSON.numberNode(value)).canonicalJson();
              String number = canonical.substring("{\"meta\":".length(), canonical.length() - 1);
              assertThat(Double.parseDouble(number)).isEqualTo(value == 0.0 ? 0.0 : value);
              assertThat(number).doesNotEndWith(".0").doesNotContain("E");
            });
  }

  @Test
  void integersInAnyNotationCanonicalizeAlike() {
    qt().withExamples(300)
        .forAll(integers().between(-1_000_000, 1_000_000))
        .checkAssert(
            n -> {
              String plain = DerivationPathJson.parse("{\"meta\":" + n + "}").canonicalJson();
              assertThat(DerivationPathJson.parse("{\"meta\":" + n + ".0}").canonicalJson()).isEqualTo(plain);
              assertThat(DerivationPathJson.parse("{\"meta\":" + (n * 10L) + "e-1}").canonicalJson()).isEqualTo(plain);
              assertThat(plain).isEqualTo("{\"meta\":" + n + "}");
            });
  }

  @Test
  void unicodeStringsSurviveUnescapedAndEscapedInput() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x20, 0x2FFFF).ofLengthBetween(0, 12))
        .assuming(text -> text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
        .checkAssert(
            text -> {
              DerivationPath path = DerivationPath.empty().withMeta(JSON.textNode(text));
              StringBuilder escaped = new StringBuilder("{\"meta\":\"");
              for (char c : text.toCharArray()) {
                escaped.append(String.format("\\u%04x", (int) c));
              }
              escaped.append("\"}");
              assertThat(DerivationPathJson.parse(escaped.toString()).canonicalJson())
                  .isEqualTo(path.canonicalJson());
              if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
                assertThat(path.canonicalJson()).isEqualTo("{\"meta\":\"" + text + "\"}");
              }
            });
  }

  @Test
  void keyStringsRoundTrip() {
    qt().withExamples(300)
        .forAll(longs().between(0, 2000), integers().between(0, 3), longs().all())
        .checkAssert(
            (chain, shape, seed) -> {
              Optional<SiteDomain> domain = (shape & 1) == 1 ? Optional.of(new SiteDomain("app.near.org")) : Optional.empty();
              Optional<JsonNode> meta = (shape & 2) == 2 ? Optional.of(randomJson(new Random(seed), 3)) : Optional.empty();
              WalletKey key = new WalletKey(new NearAccountId("david.near"), new DerivationPath(OptionalLong.of(chain), domain, meta));
              WalletKey back = WalletKey.parse(key.toKeyString());
              assertThat(back.path().canonicalJson()).isEqualTo(key.path().canonicalJson());
              assertThat(back.toKeyString()).isEqualTo(key.toKeyString());
            });
  }

  /** Random JSON that is not null at the top (meta may not be null). */
  static JsonNode randomJson(Random random, int depth) {
    JsonNode value = randomJsonOrNull(random, depth);
    return value.isNull() ? JSON.arrayNode().add(value) : value;
  }

  /** Random JSON (objects, arrays, strings with non-ASCII characters, numbers, booleans, nulls). */
  static JsonNode randomJsonOrNull(Random random, int depth) {
    int kind = random.nextInt(depth == 0 ? 4 : 6);
    switch (kind) {
      case 0:
        return JSON.numberNode(random.nextInt(2) == 0 ? (double) random.nextInt() : random.nextDouble() * 1e6);
      case 1:
        return JSON.textNode(randomText(random));
      case 2:
        return JSON.booleanNode(random.nextBoolean());
      case 3:
        return JSON.nullNode();
      case 4: {
        ArrayNode array = JSON.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomJsonOrNull(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = JSON.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(randomText(random), randomJsonOrNull(random, depth - 1));
        }
        return object;
      }
    }
  }

  private static String randomText(Random random) {
    String alphabet = "aZ9 _\"\\\n\u00e9\u20ac\u4e2d\ud83d\ude00\u0001";
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) {
        out.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
