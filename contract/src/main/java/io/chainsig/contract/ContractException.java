package io.chainsig.contract;

/**
 * A call the contract refuses (NEAR would report it as "Smart contract panicked: message"). The
 * state is left exactly as it was before the call.
 */
public final class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with a one-line reason. */
  public ContractException(String message) {
    super(message);
  }
}
