package io.chainsig.sdk.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.sdk.InsufficientFundsException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinSelectorTest {
  private static final FeeRate RATE = new FeeRate(10);

  private static Utxo utxo(char c, long sat) {
    return new Utxo(String.valueOf(c).repeat(64), 0, sat, 1);
  }

  @Test
  void takesTheLargestOutputsFirstAndReturnsChange() {
    CoinSelection s = CoinSelector.select(
        List.of(utxo('a', 10_000), utxo('b', 500_000), utxo('c', 300_000)), 600_000, 22, 22, RATE, 546);
    assertThat(s.inputs()).extracting(Utxo::valueSat).containsExactly(500_000L, 300_000L);
    assertThat(s.feeSat()).isEqualTo(RATE.feeFor(P2wpkhSize.vsize(2, 22, 22)));
    assertThat(s.changeSat()).isEqualTo(800_000 - 600_000 - s.feeSat());
  }

  @Test
  void changeBelowTheDustLimitGoesToTheFee() {
    long fee1 = RATE.feeFor(P2wpkhSize.vsize(1, 22));
    CoinSelection s = CoinSelector.select(List.of(utxo('a', 100_000)), 100_000 - fee1 - 100, 22, 22, RATE, 546);
    assertThat(s.hasChange()).isFalse();
    assertThat(s.feeSat()).isEqualTo(fee1 + 100);
  }

  @Test
  void notEnoughIsInsufficientFundsNamingBothSums() {
    assertThatThrownBy(() -> CoinSelector.select(List.of(utxo('a', 1_000), utxo('b', 2_000)), 2_900, 22, 22, RATE, 546))
        .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
          assertThat(e.available()).isEqualTo(BigInteger.valueOf(3_000));
          assertThat(e.required()).isEqualTo(BigInteger.valueOf(2_900 + RATE.feeFor(P2wpkhSize.vsize(2, 22))));
        })
        .hasMessageContaining("sat");
    assertThatThrownBy(() -> CoinSelector.select(List.of(), 1, 22, 22, RATE, 546))
        .isInstanceOf(InsufficientFundsException.class);
  }

  @Test
  void theVirtualSizeOfOneInputAndTwoP2wpkhOutputsIsTheUsual141() {
    // 10.5 overhead + 68 per P2WPKH input (with a 72-byte signature) + 31 per P2WPKH output, rounded up.
    assertThat(P2wpkhSize.vsize(1, 22, 22)).isEqualTo(141);
    assertThat(P2wpkhSize.vsize(2, 22, 22)).isEqualTo(209);
  }
}
