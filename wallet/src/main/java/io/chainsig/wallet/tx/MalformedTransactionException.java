package io.chainsig.wallet.tx;

/** Bytes that do not parse as the transaction format they claim to be; the message says where. */
public final class MalformedTransactionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A parse failure with its reason. */
  public MalformedTransactionException(String message) {
    super(message);
  }
}
