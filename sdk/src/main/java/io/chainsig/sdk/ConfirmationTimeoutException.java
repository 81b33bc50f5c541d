package io.chainsig.sdk;

/** A broadcast transaction was not confirmed (EVM receipt, Bitcoin confirmations) within the time allowed. It may still confirm later. */
public final class ConfirmationTimeoutException extends ChainsigSdkException {
  /** An error with a message. */
  public ConfirmationTimeoutException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public ConfirmationTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
