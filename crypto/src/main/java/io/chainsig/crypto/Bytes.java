package io.chainsig.crypto;

import java.math.BigInteger;

/** Fixed-width big-endian and little-endian conversions between integers and byte arrays. */
public final class Bytes {
  private Bytes() {}

  /**
   * Big-endian encoding of a non-negative integer in exactly {@code length} bytes.
   *
   * @throws IllegalArgumentException if the value is negative or does not fit
   */
  public static byte[] toFixed(BigInteger value, int length) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative value");
    }
    byte[] raw = value.toByteArray();
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int len = raw.length - start;
    if (len > length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, start, out, length - len, len);
    return out;
  }

  /** Reverses a byte array into a new array. */
  public static byte[] reversed(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }

  /** Reads bytes as an unsigned little-endian integer. */
  public static BigInteger fromLittleEndian(byte[] in) {
    return new BigInteger(1, reversed(in));
  }

  /** Little-endian encoding of a non-negative integer in exactly {@code length} bytes. */
  public static byte[] toLittleEndian(BigInteger value, int length) {
    return reversed(toFixed(value, length));
  }
}
