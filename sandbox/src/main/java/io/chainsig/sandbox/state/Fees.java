package io.chainsig.sandbox.state;

import java.math.BigInteger;

/**
 * The sandbox's flat fee model: a fixed gas per action at a fixed gas price. Real NEAR prices
 * each action and the executed WebAssembly; a development chain only needs fees to exist so
 * balances and function-call allowances go down.
 */
public final class Fees {
  /** NEAR's minimum gas price, yoctoNEAR per gas. */
  public static final BigInteger GAS_PRICE = BigInteger.valueOf(100_000_000L);

  /** Gas burnt per action: about what NEAR charges for a small function call. */
  public static final long GAS_PER_ACTION = 2_428_000_000_000L;

  private Fees() {}

  /** Gas a transaction with this many actions burns. */
  public static long gas(int actions) {
    return GAS_PER_ACTION * Math.max(1, actions);
  }

  /** The yoctoNEAR cost of that gas. */
  public static BigInteger tokens(long gas) {
    return GAS_PRICE.multiply(BigInteger.valueOf(gas));
  }
}
