package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.encoding.Hex;

/** One output of a Bitcoin transaction: an amount in satoshis and the script that locks it. */
public record TxOutput(long valueSats, byte[] scriptPubKey) {
  /** Total supply bound: 21 million BTC in satoshis. */
  public static final long MAX_MONEY = 21_000_000L * 100_000_000L;

  /** Validates and copies. */
  public TxOutput {
    if (valueSats < 0 || valueSats > MAX_MONEY) {
      throw new IllegalArgumentException("output value out of range: " + valueSats);
    }
    scriptPubKey = scriptPubKey.clone();
  }

  @Override
  public byte[] scriptPubKey() {
    return scriptPubKey.clone();
  }

  @Override
  public String toString() {
    return "TxOutput[" + valueSats + " sat, " + Hex.encode(scriptPubKey) + "]";
  }
}
