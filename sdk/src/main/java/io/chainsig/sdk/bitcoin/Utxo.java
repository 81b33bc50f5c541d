package io.chainsig.sdk.bitcoin;

import java.util.Locale;

/**
 * An unspent output of the derived key's script.
 *
 * @param txid the funding transaction id, hex in the usual (byte-reversed) display order
 * @param vout the output index
 * @param valueSat the amount in satoshis
 * @param height the block height it was confirmed in
 */
public record Utxo(String txid, int vout, long valueSat, long height) {
  /** Rejects a malformed txid, a negative index or a non-positive amount. */
  public Utxo {
    if (txid == null || !txid.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("txid must be 64 hex digits");
    }
    txid = txid.toLowerCase(Locale.ROOT);
    if (vout < 0) {
      throw new IllegalArgumentException("vout must be zero or more");
    }
    if (valueSat <= 0) {
      throw new IllegalArgumentException("an unspent output holds a positive amount");
    }
  }

  /** {@code txid:vout}. */
  public String outpoint() {
    return txid + ":" + vout;
  }
}
