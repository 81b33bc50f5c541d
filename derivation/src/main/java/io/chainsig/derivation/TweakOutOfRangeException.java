package io.chainsig.derivation;

/**
 * Thrown when a derivation tweak, read as a big-endian secp256k1 scalar, is not below the group
 * order n. NEAR rejects such (account, path) pairs instead of reducing; so do we. This happens with
 * probability about 2^-128.
 */
public final class TweakOutOfRangeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the given tweak (hex). */
  public TweakOutOfRangeException(String tweakHex) {
    super("derivation tweak " + tweakHex + " is not below the secp256k1 group order n");
  }
}
