package io.chainsig.sdk.bitcoin;

/**
 * The node's {@code testmempoolaccept} verdict on one transaction.
 *
 * @param txid the transaction id the node computed
 * @param allowed true if the node would accept it into its mempool
 * @param rejectReason the node's reason when not allowed, else empty
 */
public record MempoolAcceptance(String txid, boolean allowed, String rejectReason) {
  /** Normalises a missing reason to empty. */
  public MempoolAcceptance {
    if (txid == null) {
      throw new IllegalArgumentException("txid is required");
    }
    rejectReason = rejectReason == null ? "" : rejectReason;
  }
}
