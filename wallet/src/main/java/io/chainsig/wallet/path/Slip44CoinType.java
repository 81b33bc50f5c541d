package io.chainsig.wallet.path;

import java.util.List;

/**
 * One row of the SLIP-44 table: a coin type, its symbol and name, and the names a key string may
 * use for it (the first is the one rendered).
 */
public record Slip44CoinType(long coinType, String symbol, String coinName, List<String> keyNames) {
  /** Validates the row. */
  public Slip44CoinType {
    if (coinType < 0 || coinType > DerivationPath.MAX_COIN_TYPE) {
      throw new IllegalArgumentException("coin type out of range: " + coinType);
    }
    keyNames = List.copyOf(keyNames);
    if (keyNames.isEmpty()) {
      throw new IllegalArgumentException("coin type " + coinType + " has no key name");
    }
  }

  /** The name a key string uses for this coin type, e.g. {@code bitcoin} or {@code evm}. */
  public String keyName() {
    return keyNames.getFirst();
  }
}
