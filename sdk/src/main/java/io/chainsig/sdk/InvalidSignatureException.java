package io.chainsig.sdk;

/** A signature does not verify under the expected derived public key, or its recovery id is wrong. The SDK never puts such a signature into a transaction; nothing was sent. */
public final class InvalidSignatureException extends ChainsigSdkException {
  /** An error with a message. */
  public InvalidSignatureException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public InvalidSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
