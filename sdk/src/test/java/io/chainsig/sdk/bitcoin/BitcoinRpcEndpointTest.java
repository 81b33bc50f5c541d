package io.chainsig.sdk.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitcoinRpcEndpointTest {
  @Test
  void takesUserAndPasswordOutOfTheUrlAndNeverPrintsThePassword() {
    BitcoinRpcEndpoint e = BitcoinRpcEndpoint.parse("http://alice:p%40ss:word@127.0.0.1:18443/wallet/w");
    assertThat(e.user()).isEqualTo("alice");
    assertThat(e.password()).isEqualTo("p@ss:word");
    assertThat(e.url()).hasToString("http://127.0.0.1:18443/wallet/w");
    assertThat(e.toString()).doesNotContain("p@ss").contains("<redacted>");
  }

  @Test
  void worksWithoutCredentials() {
    BitcoinRpcEndpoint e = BitcoinRpcEndpoint.parse("http://127.0.0.1:8332");
    assertThat(e.hasCredentials()).isFalse();
    assertThat(e.withPath("/wallet/x").url()).hasToString("http://127.0.0.1:8332/wallet/x");
  }

  @Test
  void rejectsWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> BitcoinRpcEndpoint.parse("ftp://u:secret@host:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> BitcoinRpcEndpoint.parse("not a url with secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }
}
