package io.chainsig.wallet.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerivationPathJsonTest {
  @Test
  void specExamplesCanonicalize() {
    assertThat(DerivationPathJson.parse("{chain: 0}".replace("chain", "\"chain\"")).canonicalJson())
        .isEqualTo("{\"chain\":0}");
    assertThat(DerivationPathJson.parse("{\"domain\": \"near.org\", \"chain\": 0}").canonicalJson())
        .isEqualTo("{\"chain\":0,\"domain\":\"near.org\"}");
    assertThat(DerivationPathJson.parse("{\"meta\": {\"id\": 10}, \"chain\": 0}").canonicalJson())
        .isEqualTo("{\"chain\":0,\"meta\":{\"id\":10}}");
    assertThat(DerivationPathJson.parse("{}").canonicalJson()).isEqualTo("{}");
  }

  @Test
  void metaIsSortedByUtf16CodeUnitsAndNumbersUseEs6Form() {
    DerivationPath path =
        DerivationPathJson.parse(
            "{\"meta\":{\"b\":[1.0, 1e2, -0.0, 0.000001, 1e-7, 123456789012345678901],\"a\":\"\u20ac\",\"\ud83d\ude00\":true,\"\u00e9\":null}}");
    assertThat(path.canonicalJson())
        .isEqualTo(
            "{\"meta\":{\"a\":\"\u20ac\",\"b\":[1,100,0,0.000001,1e-7,123456789012345680000],\"\u00e9\":null,\"\ud83d\ude00\":true}}");
  }

  @Test
  void controlCharactersAreEscapedTheRfc8785Way() {
    assertThat(DerivationPathJson.parse("{\"meta\":\"a\\u0001\\n\\u001f\\\"\\\\/\"}").canonicalJson())
        .isEqualTo("{\"meta\":\"a\\u0001\\n\\u001f\\\"\\\\/\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"chain\":0,\"extra\":1}",
        "{\"chain\":null}",
        "{\"domain\":null}",
        "{\"meta\":null}",
        "{\"chain\":-1}",
        "{\"chain\":1.5}",
        "{\"chain\":1.0}",
        "{\"chain\":1e0}",
        "{\"chain\":\"0\"}",
        "{\"chain\":2147483648}",
        "{\"domain\":\"Near.org\"}",
        "{\"domain\":\"https://near.org\"}",
        "{\"domain\":\"near.org:443\"}",
        "{\"domain\":5}",
        "{\"chain\":0,\"chain\":60}",
        "{\"meta\":\"\\ud800\"}",
        "[]",
        "0",
        "",
        "{\"chain\":0} {}",
        "{\"meta\":1e400}"
      })
  void refusesWhatTheSpecForbids(String json) {
    assertThatThrownBy(() -> DerivationPathJson.parse(json).canonicalJson())
        .isInstanceOf(InvalidDerivationPathException.class);
  }

  @Test
  void unknownFieldMessageSaysToUseMeta() {
    assertThatThrownBy(() -> DerivationPathJson.parse("{\"id\":1}"))
        .hasMessageContaining("put your own data inside meta");
  }

  @Test
  void largestCoinTypeIsAccepted() {
    assertThat(DerivationPathJson.parse("{\"chain\":2147483647}").chain()).hasValue(2147483647L);
  }
}
