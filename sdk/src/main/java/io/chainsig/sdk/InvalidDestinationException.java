package io.chainsig.sdk;

/** The destination address cannot be parsed or belongs to another chain or network. Raised before anything is signed or sent. */
public final class InvalidDestinationException extends ChainsigSdkException {
  /** An error with a message. */
  public InvalidDestinationException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public InvalidDestinationException(String message, Throwable cause) {
    super(message, cause);
  }
}
