package io.chainsig.sdk;

/**
 * Base of every error the SDK reports on purpose. Each subclass names one failure a caller can act
 * on; the message says what happened in words a user can read, and never contains a secret.
 */
public abstract class ChainsigSdkException extends RuntimeException {
  /** An error with a message. */
  protected ChainsigSdkException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  protected ChainsigSdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
