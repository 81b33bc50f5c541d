package io.chainsig.derivation;

/** Thrown when a public-key string cannot be parsed; the message says why. */
public final class InvalidPublicKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong. */
  public InvalidPublicKeyException(String message) {
    super(message);
  }
}
