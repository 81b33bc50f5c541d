package io.chainsig.storage;

/** Storage failed (I/O, corruption, a value that does not decrypt). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception. */
  public StoreException(String message) {
    super(message);
  }
}
