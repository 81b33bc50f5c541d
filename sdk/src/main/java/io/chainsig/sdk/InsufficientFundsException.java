package io.chainsig.sdk;

import java.math.BigInteger;

/**
 * The derived address does not hold enough to pay the amount plus the fee. Raised before any
 * signature is requested: nothing was signed or sent.
 */
public final class InsufficientFundsException extends ChainsigSdkException {
  private final BigInteger required;
  private final BigInteger available;

  /**
   * An error naming what is needed and what there is, in the chain's smallest unit.
   *
   * @param unit the unit's name, e.g. {@code wei} or {@code sat}
   */
  public InsufficientFundsException(BigInteger required, BigInteger available, String unit) {
    super("insufficient funds: need " + required + " " + unit + " (amount plus fee), the derived address has "
        + available + " " + unit);
    this.required = required;
    this.available = available;
  }

  /** What the transfer needs (amount plus the most the fee can be). */
  public BigInteger required() {
    return required;
  }

  /** What the derived address holds. */
  public BigInteger available() {
    return available;
  }
}
