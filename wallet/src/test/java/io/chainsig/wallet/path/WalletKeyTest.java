package io.chainsig.wallet.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WalletKeyTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "david.near,bitcoin,near.org,|{\"chain\":0,\"domain\":\"near.org\"}",
        "david.near,bitcoin,|{\"chain\":0}",
        "david.near,evm,|{\"chain\":60}",
        "david.near,,near.org,|{\"domain\":\"near.org\"}",
        "david.near,,|{}",
        "david.near,bitcoin,,{\"id\":2}|{\"chain\":0,\"meta\":{\"id\":2}}",
        "david.near,solana,near.org,[1,\"x\"]|{\"chain\":501,\"domain\":\"near.org\",\"meta\":[1,\"x\"]}",
        "david.near,99999,|{\"chain\":99999}"
      })
  void specKeyStringsParseRenderAndCanonicalize(String keyString, String canonical) {
    WalletKey key = WalletKey.parse(keyString);
    assertThat(key.account().value()).isEqualTo("david.near");
    assertThat(key.path().canonicalJson()).isEqualTo(canonical);
    assertThat(key.toKeyString()).isEqualTo(keyString);
  }

  @Test
  void aliasesParseButTheFirstNameRenders() {
    assertThat(WalletKey.parse("david.near,ethereum,").toKeyString()).isEqualTo("david.near,evm,");
    assertThat(WalletKey.parse("david.near,60,").toKeyString()).isEqualTo("david.near,evm,");
  }

  @Test
  void metaIsRenderedCanonically() {
    assertThat(WalletKey.parse("david.near,bitcoin,,{ \"b\":1.0, \"a\":2 }").toKeyString())
        .isEqualTo("david.near,bitcoin,,{\"a\":2,\"b\":1}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "david.near",
        "david.near,bitcoin",
        "david.near,bitcoin,near.org",
        "david.near,dogs,",
        "david.near,007,",
        "david.near,bitcoin,,",
        "david.near,bitcoin,NEAR.org,",
        "david.near,bitcoin,,null",
        "david.near,bitcoin,,{x",
        "DAVID.near,bitcoin,"
      })
  void malformedKeyStringsAreRefused(String text) {
    assertThatThrownBy(() -> WalletKey.parse(text)).isInstanceOf(InvalidDerivationPathException.class);
  }

  @Test
  void slip44TableNamesCoins() {
    assertThat(Slip44Registry.standard().coinNameOf(0)).isEqualTo("Bitcoin");
    assertThat(Slip44Registry.standard().keyNameOf(60)).isEqualTo("evm");
    assertThat(Slip44Registry.standard().keyNameOf(123456)).isEqualTo("123456");
    assertThat(Slip44Registry.standard().byKeyName("near")).get().extracting(Slip44CoinType::coinType).isEqualTo(397L);
  }
}
