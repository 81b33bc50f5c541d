package io.chainsig.sdk.bitcoin;

import java.util.List;

/**
 * The inputs chosen for a payment, the fee and the change.
 *
 * @param inputs the outputs to spend, at least one
 * @param amountSat what the destination receives
 * @param feeSat the fee
 * @param changeSat what goes back to the derived key's script; 0 means no change output
 */
public record CoinSelection(List<Utxo> inputs, long amountSat, long feeSat, long changeSat) {
  /** Checks that inputs pay exactly amount + fee + change. */
  public CoinSelection {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("a selection has at least one input");
    }
    inputs = List.copyOf(inputs);
    if (amountSat <= 0 || feeSat < 0 || changeSat < 0) {
      throw new IllegalArgumentException("amount must be positive, fee and change zero or more");
    }
    long total = inputs.stream().mapToLong(Utxo::valueSat).sum();
    if (total != amountSat + feeSat + changeSat) {
      throw new IllegalArgumentException("inputs " + total + " sat do not equal amount + fee + change");
    }
  }

  /** True if there is a change output. */
  public boolean hasChange() {
    return changeSat > 0;
  }

  /** The sum of the inputs. */
  public long inputTotalSat() {
    return inputs.stream().mapToLong(Utxo::valueSat).sum();
  }
}
