package io.chainsig.sandbox.chain;

import io.chainsig.sandbox.state.ExecutionStatus;
import java.math.BigInteger;

/**
 * What the chain knows about one transaction.
 *
 * @param hash base58 transaction hash
 * @param signedTxBase64 the signed transaction's borsh bytes, base64
 * @param receiptId base58 id of the transaction's single receipt
 * @param includedHeight height of the block that includes it (or will: the open block)
 * @param includedBlockHash that block's hash, null until the block is produced
 * @param status how execution ended, or pending for a waiting {@code sign}
 * @param finalBlockHash hash of the block in which the outcome became final, null until then
 * @param gasBurnt gas charged
 * @param tokensBurnt yoctoNEAR charged
 * @param deposit yoctoNEAR attached (refunded if a waiting sign times out)
 */
public record TxRecord(
    String hash,
    String signedTxBase64,
    String receiptId,
    long includedHeight,
    String includedBlockHash,
    ExecutionStatus status,
    String finalBlockHash,
    long gasBurnt,
    BigInteger tokensBurnt,
    BigInteger deposit) {

  /** True once the including block exists. */
  public boolean included() {
    return includedBlockHash != null;
  }

  /** True once the outcome is final (not pending, and its block exists). */
  public boolean finished() {
    return finalBlockHash != null && !(status instanceof ExecutionStatus.Pending);
  }

  /** With the including block's hash. */
  public TxRecord withIncludedBlock(String blockHash) {
    return new TxRecord(hash, signedTxBase64, receiptId, includedHeight, blockHash, status,
        finalBlockHash, gasBurnt, tokensBurnt, deposit);
  }

  /** With a (new) status and the block it became final in (null while that block is open). */
  public TxRecord withStatus(ExecutionStatus newStatus, String finalBlock) {
    return new TxRecord(hash, signedTxBase64, receiptId, includedHeight, includedBlockHash, newStatus,
        finalBlock, gasBurnt, tokensBurnt, deposit);
  }
}
