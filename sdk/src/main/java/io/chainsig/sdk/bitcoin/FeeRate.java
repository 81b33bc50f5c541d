package io.chainsig.sdk.bitcoin;

/**
 * A fee rate in satoshis per virtual byte.
 *
 * @param satPerVbyte at least 1 (the default minimum relay fee of Bitcoin Core and Litecoin Core)
 */
public record FeeRate(long satPerVbyte) {
  /** Rejects rates below 1 sat/vB and absurd ones above 100000 sat/vB. */
  public FeeRate {
    if (satPerVbyte < 1 || satPerVbyte > 100_000) {
      throw new IllegalArgumentException("fee rate must be 1 to 100000 sat/vB, got " + satPerVbyte);
    }
  }

  /** The fee for a transaction of this many virtual bytes. */
  public long feeFor(long vbytes) {
    return Math.multiplyExact(vbytes, satPerVbyte);
  }
}
