package io.chainsig.wallet.path;

/** A derivation path or key name that breaks the wallet spec; the message says which rule. */
public final class InvalidDerivationPathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal with the rule that was broken. */
  public InvalidDerivationPathException(String message) {
    super(message);
  }

  /** A refusal caused by a lower-level parse error. */
  public InvalidDerivationPathException(String message, Throwable cause) {
    super(message, cause);
  }
}
