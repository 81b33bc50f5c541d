package io.chainsig.derivation.address;

/** Thrown when an address string is not valid for the chain it is meant for. */
public final class InvalidAddressException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong. */
  public InvalidAddressException(String message) {
    super(message);
  }
}
