package io.chainsig.wallet.tx.evm;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Wei written in ether units (18 decimals) with no trailing zeros, e.g. {@code 0.01}. */
public final class EtherUnits {
  private EtherUnits() {}

  /** The amount in ether units, without a symbol. */
  public static String format(BigInteger wei) {
    return new BigDecimal(wei, 18).stripTrailingZeros().toPlainString();
  }
}
