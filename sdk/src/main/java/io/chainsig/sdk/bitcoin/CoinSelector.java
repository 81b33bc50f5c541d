package io.chainsig.sdk.bitcoin;

import io.chainsig.sdk.InsufficientFundsException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Largest-first coin selection: adds the biggest outputs until they pay the amount and the fee at
 * the given rate. Change below the dust limit is left to the fee instead of making an output.
 */
public final class CoinSelector {
  private CoinSelector() {}

  /**
   * Chooses inputs.
   *
   * @param utxos the spendable outputs
   * @param amountSat what the destination receives
   * @param destinationScriptLength the destination output script's length
   * @param changeScriptLength the change output script's length
   * @param feeRate the fee rate
   * @param dustLimitSat the smallest change worth an output
   * @throws InsufficientFundsException if all the outputs together cannot pay
   */
  public static CoinSelection select(
      List<Utxo> utxos, long amountSat, int destinationScriptLength, int changeScriptLength,
      FeeRate feeRate, long dustLimitSat) {
    if (amountSat <= 0) {
      throw new IllegalArgumentException("amount must be positive");
    }
    List<Utxo> sorted = new ArrayList<>(utxos);
    sorted.sort(Comparator.comparingLong(Utxo::valueSat).reversed().thenComparing(Utxo::outpoint));
    List<Utxo> chosen = new ArrayList<>();
    long total = 0;
    for (Utxo u : sorted) {
      chosen.add(u);
      total += u.valueSat();
      long feeWithChange = feeRate.feeFor(P2wpkhSize.vsize(chosen.size(), destinationScriptLength, changeScriptLength));
      long change = total - amountSat - feeWithChange;
      if (change >= dustLimitSat) {
        return new CoinSelection(chosen, amountSat, feeWithChange, change);
      }
      long feeWithoutChange = feeRate.feeFor(P2wpkhSize.vsize(chosen.size(), destinationScriptLength));
      if (total - amountSat >= feeWithoutChange) {
        return new CoinSelection(chosen, amountSat, total - amountSat, 0);
      }
    }
    long fee = feeRate.feeFor(P2wpkhSize.vsize(Math.max(1, sorted.size()), destinationScriptLength));
    throw new InsufficientFundsException(BigInteger.valueOf(amountSat + fee), BigInteger.valueOf(total), "sat");
  }
}
