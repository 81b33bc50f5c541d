package io.chainsig.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing NEAR key strings and SEC1 hex. */
class NearPublicKeyTest {
  private static final String TESTNET =
      "secp256k1:4NfTiv3UsGahebgTaHyD9vF8KYKMBnfd6kh94mK6xv8fGBiJB8TBtFMP5WWXz6B89Ac1fbpzPwAvoyQebemHFwx3";

  @Test
  void acceptsHexInEveryFormAsTheSameKey() {
    Secp256k1PublicKey k = (Secp256k1PublicKey) NearPublicKey.parse(TESTNET);
    assertThat(NearPublicKey.parse(k.toHex())).isEqualTo(k);
    assertThat(NearPublicKey.parse("0x" + k.toHex())).isEqualTo(k);
    assertThat(NearPublicKey.parse(k.toCompressedHex())).isEqualTo(k);
    assertThat(NearPublicKey.parse(k.toCompressedHex().toUpperCase())).isEqualTo(k);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "rsa:abc|unknown key type 'rsa'",
        "secp256k1:0OIl|invalid base58 character",
        "secp256k1:11111111|expected 64 bytes",
        "ed25519:11111|expected 32 bytes",
        "zz|neither",
        "02abcd|SEC1 point must be 33 bytes",
        // x = 5 has no y on secp256k1
        "020000000000000000000000000000000000000000000000000000000000000005|not a point",
        "04ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000000000000000000000000000000000000000000000000000|not below the field prime",
        // ed25519 y = p (non-canonical)
        "ed25519:H242rsh5hzpvDdct56PG5YPQbKUT37EmySQLoQqrYUJr|non-canonical",
      })
  void rejectsBadKeysWithAReason(String text, String reason) {
    assertThatThrownBy(() -> NearPublicKey.parse(text))
        .isInstanceOf(InvalidPublicKeyException.class)
        .hasMessageContaining(reason);
  }
}
