package io.chainsig.sdk;

/** The signer did not produce a signature for a payload (the network refused it, or the signer failed). Nothing was sent. */
public final class SignatureRefusedException extends ChainsigSdkException {
  /** An error with a message. */
  public SignatureRefusedException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public SignatureRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
