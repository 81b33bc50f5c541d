package io.chainsig.near.borsh;

/** Bytes that are not valid borsh for the expected type. */
public final class BorshException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a reason naming what was being read. */
  public BorshException(String message) {
    super(message);
  }
}
