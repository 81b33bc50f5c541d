package io.chainsig.sdk;

/** The node refused a signed transaction (for example testmempoolaccept said it is not allowed). */
public final class TransactionRejectedException extends ChainsigSdkException {
  /** An error with a message. */
  public TransactionRejectedException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public TransactionRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
