package io.chainsig.crypto;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where secret inputs differ. */
public final class ConstantTime {
  private ConstantTime() {}

  /** Constant-time equality of two byte arrays (length is not secret). */
  public static boolean equals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
