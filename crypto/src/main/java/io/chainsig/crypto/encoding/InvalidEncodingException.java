package io.chainsig.crypto.encoding;

/** Thrown when a string or byte array is not a valid instance of the encoding it claims to be. */
public final class InvalidEncodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong. */
  public InvalidEncodingException(String message) {
    super(message);
  }
}
