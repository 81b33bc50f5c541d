package io.chainsig.crypto.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hex, base58 and base58check: known values, round trips and rejections. */
class EncodingTest {
  @Test
  void base58KnownValues() {
    assertThat(Base58.encode(new byte[0])).isEmpty();
    assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
    assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Base58.encode(Hex.decode("000000287fb4cd"))).isEqualTo("111233QC4");
    assertThat(Base58.decode("111233QC4")).isEqualTo(Hex.decode("000000287fb4cd"));
  }

  @Test
  void base58CheckKnownAddress() {
    // The address of the genesis coinbase key.
    byte[] payload = Base58Check.decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertThat(Hex.encode(payload)).isEqualTo("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");
    assertThat(Base58Check.encode(payload)).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    assertThatThrownBy(() -> Base58Check.decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
        .hasMessageContaining("checksum");
  }

  @Test
  void base58RoundTripsAnyBytes() {
    qt().withExamples(500)
        .forAll(integers().between(0, 80), longs().all())
        .checkAssert(
            (len, seed) -> {
              byte[] b = new byte[len];
              new Random(seed).nextBytes(b);
              if (len > 0 && seed % 3 == 0) {
                b[0] = 0; // exercise leading zeros
              }
              assertThat(Base58.decode(Base58.encode(b))).isEqualTo(b);
              assertThat(Hex.decode(Hex.encode(b))).isEqualTo(b);
            });
  }

  @Test
  void rejectsCharactersOutsideTheAlphabets() {
    assertThatThrownBy(() -> Base58.decode("abc0")).hasMessageContaining("'0' at index 3");
    assertThatThrownBy(() -> Base58.decode("Il")).hasMessageContaining("'I' at index 0");
    assertThatThrownBy(() -> Hex.decode("abc")).hasMessageContaining("odd");
    assertThatThrownBy(() -> Hex.decode("zz")).hasMessageContaining("'z' at index 0");
    assertThatThrownBy(() -> Hex.decode("00", 2)).hasMessageContaining("expected 2 bytes");
    assertThat(Hex.decode("0xABcd")).isEqualTo(new byte[] {(byte) 0xab, (byte) 0xcd});
  }

  @Test
  void hexDigitsAreWhatCharacterDigitSaysForEveryCharacter() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      int expected = Character.digit(c, 16);
      String hex = c + "0";
      if (expected < 0) {
        assertThatThrownBy(() -> Hex.decode(hex)).hasMessage("invalid hex character '" + c + "' at index 0");
      } else {
        assertThat(Hex.decode(hex)).containsExactly(expected << 4);
      }
    }
  }
}
