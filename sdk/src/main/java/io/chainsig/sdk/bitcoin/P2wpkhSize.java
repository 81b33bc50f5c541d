package io.chainsig.sdk.bitcoin;

/**
 * Upper bounds of the virtual size of a transaction that spends P2WPKH inputs, so the fee is
 * known before the signatures exist. Each witness is counted with a 72-byte signature (a 71-byte
 * low-s DER maximum plus the sighash byte) and a 33-byte compressed key.
 */
public final class P2wpkhSize {
  /** Bytes of one input without witness: outpoint 36, empty script length 1, sequence 4. */
  static final int INPUT_BASE_BYTES = 41;

  /** Witness bytes of one input: item count 1, signature 1 + 72, key 1 + 33. */
  static final int INPUT_WITNESS_BYTES = 108;

  private P2wpkhSize() {}

  /**
   * The virtual size (weight / 4, rounded up) of a segwit transaction.
   *
   * @param inputs how many P2WPKH inputs
   * @param outputScriptLengths the script length of each output
   */
  public static long vsize(int inputs, int... outputScriptLengths) {
    if (inputs < 1 || outputScriptLengths.length < 1) {
      throw new IllegalArgumentException("a transaction needs an input and an output");
    }
    long base = 4 + varIntSize(inputs) + (long) inputs * INPUT_BASE_BYTES + varIntSize(outputScriptLengths.length) + 4;
    for (int length : outputScriptLengths) {
      base += 8 + varIntSize(length) + length;
    }
    long witness = 2 + (long) inputs * INPUT_WITNESS_BYTES;
    long weight = base * 4 + witness;
    return (weight + 3) / 4;
  }

  private static int varIntSize(long n) {
    return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffffL ? 5 : 9;
  }
}
