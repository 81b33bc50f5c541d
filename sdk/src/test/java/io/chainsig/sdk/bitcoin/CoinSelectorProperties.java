package io.chainsig.sdk.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.chainsig.sdk.InsufficientFundsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Invariants of every selection: exact sums, a fee at the rate, change zero or above dust. */
class CoinSelectorProperties {
  @Test
  void everySelectionPaysAmountFeeAndChangeExactlyAtTheRate() {
    qt().withExamples(500).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<Utxo> utxos = new ArrayList<>();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        utxos.add(new Utxo(String.format("%064x", i + 1), random.nextInt(3), 1 + random.nextInt(2_000_000), 1));
      }
      long total = utxos.stream().mapToLong(Utxo::valueSat).sum();
      long amount = 1 + random.nextLong(total + 10_000);
      FeeRate rate = new FeeRate(1 + random.nextInt(50));
      int destinationLength = random.nextBoolean() ? 22 : 34;
      try {
        CoinSelection s = CoinSelector.select(utxos, amount, destinationLength, 22, rate, 546);
        assertThat(s.inputTotalSat()).isEqualTo(s.amountSat() + s.feeSat() + s.changeSat());
        long vsize = s.hasChange()
            ? P2wpkhSize.vsize(s.inputs().size(), destinationLength, 22)
            : P2wpkhSize.vsize(s.inputs().size(), destinationLength);
        assertThat(s.feeSat()).isGreaterThanOrEqualTo(rate.feeFor(vsize));
        assertThat(s.changeSat() == 0 || s.changeSat() >= 546).isTrue();
      } catch (InsufficientFundsException e) {
        assertThat(e.available().longValueExact()).isEqualTo(total);
        assertThat(e.required().longValueExact()).isGreaterThan(total);
      }
    });
  }
}
