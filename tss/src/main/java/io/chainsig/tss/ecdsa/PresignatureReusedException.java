package io.chainsig.tss.ecdsa;

/**
 * A presignature was handed to {@link Sign} a second time. Reusing one leaks the key, so the
 * second use is refused even if the first run aborted.
 */
public final class PresignatureReusedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception naming the presignature. */
  public PresignatureReusedException(PresignatureId id) {
    super("presignature " + id.toHex() + " has already been used");
  }
}
