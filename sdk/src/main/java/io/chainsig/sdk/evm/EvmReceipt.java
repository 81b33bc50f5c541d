package io.chainsig.sdk.evm;

import java.math.BigInteger;

/**
 * The outcome of a mined transaction.
 *
 * @param transactionHash the transaction hash ({@code 0x}-prefixed)
 * @param success true if the receipt's status is 1
 * @param blockNumber the block it was mined in
 * @param gasUsed the gas it used
 * @param from the sender the node recorded
 */
public record EvmReceipt(
    String transactionHash, boolean success, BigInteger blockNumber, BigInteger gasUsed, String from) {
  /** Rejects missing fields. */
  public EvmReceipt {
    if (transactionHash == null || blockNumber == null || gasUsed == null) {
      throw new IllegalArgumentException("hash, block number and gas used are required");
    }
  }
}
