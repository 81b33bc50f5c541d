package io.chainsig.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NEAR's account-id rules, with the examples of the nomicon and the near-account-id crate. */
class NearAccountIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aa", "a-a", "a-aa", "100", "0o", "com", "near", "bowen", "b-o_w_e-n", "b.owen", "bro.wen",
        "a.ha", "a.b-a.ra", "system", "over.9000", "google.com", "illia.cheapaccounts.near",
        "0o0ooo00oo00o", "alex-skidanov", "10-4.8-2", "b-o_w_e-n", "no_lols",
        "0123456789012345678901234567890123456789012345678901234567890123",
        "0x06012c8cf97bead5deae237070f9587f8e7a266d", "derivation-test.testnet"
      })
  void acceptsValidIds(String id) {
    assertThat(NearAccountId.of(id).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a|too short",
        "01234567890123456789012345678901234567890123456789012345678901234|too long",
        "A|too short",
        "Alice.near|character 'A' at index 0",
        "alice near|character ' ' at index 5",
        "a@b|character '@' at index 1",
        "-near|separator '-' at index 0 starts",
        "near-|separator '-' at index 4 ends",
        "a..near|separator '.' at index 2 follows",
        "a-_b|separator '_' at index 2 follows",
        "alice.near.|separator '.' at index 10 ends",
        "aliçe|character 'ç' at index 3",
      })
  void rejectsInvalidIdsNamingTheRule(String id, String message) {
    assertThatThrownBy(() -> NearAccountId.of(id))
        .isInstanceOf(InvalidAccountIdException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void classifiesImplicitAccounts() {
    assertThat(NearAccountId.of("98793cd91a3f870fb126f66285808c7e094afcfc4eda8a970f6648cdf0dbd6de").isNearImplicit())
        .isTrue();
    assertThat(NearAccountId.of("0x06012c8cf97bead5deae237070f9587f8e7a266d").isEthImplicit()).isTrue();
    assertThat(NearAccountId.of("alice.near").isNearImplicit()).isFalse();
    assertThat(NearAccountId.of("alice.near").isTopLevel()).isFalse();
    assertThat(NearAccountId.of("near").isTopLevel()).isTrue();
  }
}
