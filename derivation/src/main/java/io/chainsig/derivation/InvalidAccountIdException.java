package io.chainsig.derivation;

/** Thrown when a string breaks one of NEAR's account-id rules; the message names the rule. */
public final class InvalidAccountIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the broken rule. */
  public InvalidAccountIdException(String message) {
    super(message);
  }
}
