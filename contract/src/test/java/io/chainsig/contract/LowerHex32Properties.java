package io.chainsig.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written hex check accepts exactly what the pattern it replaced accepted. */
class LowerHex32Properties {
  private static final Pattern OLD = Pattern.compile("[0-9a-f]{64}");

  /** Hex digits of both cases, their neighbours in ASCII, and characters outside Latin-1. */
  private static final String ALPHABET = "0123456789abcdefABCDEF/:`@gGz \n\u00e9\u0130\u212a\uff10\ud83d\ude00";

  private static boolean old(String s) {
    return OLD.matcher(s).matches();
  }

  @Test
  void agreesWithThePatternOnStringsNearTheBoundary() {
    qt().withExamples(20_000)
        .forAll(lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(60, 68))
        .checkAssert(indexes -> {
          String s = text(indexes);
          assertThat(LowerHex32.matches(s)).as(s).isEqualTo(old(s));
        });
  }

  @Test
  void agreesWithThePatternOnMostlyValidHex() {
    qt().withExamples(20_000)
        .forAll(lists().of(integers().between(0, 15)).ofSizeBetween(63, 65), integers().between(-1, 64),
            integers().between(0, ALPHABET.length() - 1))
        .checkAssert((digits, at, replacement) -> {
          StringBuilder b = new StringBuilder();
          digits.forEach(d -> b.append(Character.forDigit(d, 16)));
          if (at >= 0 && at < b.length()) {
            b.setCharAt(at, ALPHABET.charAt(replacement));
          }
          String s = b.toString();
          assertThat(LowerHex32.matches(s)).as(s).isEqualTo(old(s));
        });
  }

  @Test
  void agreesWithThePatternOnArbitraryStrings() {
    qt().withExamples(5_000).forAll(strings().allPossible().ofLengthBetween(0, 70))
        .checkAssert(s -> assertThat(LowerHex32.matches(s)).isEqualTo(old(s)));
  }

  @Test
  void edgeCases() {
    for (String s : List.of("", "a", "0".repeat(64), "f".repeat(64), "F".repeat(64), "0".repeat(63),
        "0".repeat(65), "0".repeat(63) + "g", "g" + "0".repeat(63), "0".repeat(64) + "\n",
        "0".repeat(62) + "\ud83d\ude00", " " + "0".repeat(63))) {
      assertThat(LowerHex32.matches(s)).as(s).isEqualTo(old(s));
    }
    assertThat(LowerHex32.matches("0123456789abcdef".repeat(4))).isTrue();
  }

  private static String text(List<Integer> indexes) {
    StringBuilder b = new StringBuilder();
    indexes.forEach(i -> b.append(ALPHABET.charAt(i)));
    return b.toString();
  }
}
