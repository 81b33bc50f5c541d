package io.chainsig.tss;

/**
 * The arguments of a protocol run are unusable (bad participant list, threshold out of range,
 * duplicate or zero ids, wrong presignature, ...). Thrown before anything is sent; no peer is to
 * blame.
 */
public final class ProtocolSetupException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong. */
  public ProtocolSetupException(String message) {
    super(message);
  }
}
