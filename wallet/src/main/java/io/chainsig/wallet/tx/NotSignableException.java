package io.chainsig.wallet.tx;

/**
 * A transaction that parses but whose signing hash the wallet cannot compute safely, e.g. a raw
 * Bitcoin transaction without the values of its inputs, or a legacy EVM transaction without chain id.
 */
public final class NotSignableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal with the reason shown to the dapp. */
  public NotSignableException(String message) {
    super(message);
  }
}
