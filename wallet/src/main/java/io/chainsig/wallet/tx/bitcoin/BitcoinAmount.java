package io.chainsig.wallet.tx.bitcoin;

import java.math.BigDecimal;

/** Satoshi amounts written in BTC with no trailing zeros, e.g. {@code 0.5 BTC}. */
public final class BitcoinAmount {
  private BitcoinAmount() {}

  /** The amount in BTC followed by the unit. */
  public static String format(long sats) {
    return BigDecimal.valueOf(sats, 8).stripTrailingZeros().toPlainString() + " BTC";
  }
}
