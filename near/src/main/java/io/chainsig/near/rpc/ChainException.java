package io.chainsig.near.rpc;

/** Reading from or writing to the chain failed (unreachable RPC, refused transaction, bad answer). */
public final class ChainException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ChainException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public ChainException(String message) {
    super(message);
  }
}
