package io.chainsig.crypto.encoding;

/** Lower-case hexadecimal encoding; decoding accepts either case and an optional {@code 0x} prefix. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  /** The value of each ASCII hex digit, -1 for the other ASCII characters. */
  private static final byte[] ASCII_VALUES = new byte[128];

  static {
    java.util.Arrays.fill(ASCII_VALUES, (byte) -1);
    for (int i = 0; i < 16; i++) {
      ASCII_VALUES["0123456789abcdef".charAt(i)] = (byte) i;
      ASCII_VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
    }
  }

  private Hex() {}

  /** Encodes bytes as lower-case hex without a prefix. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes hex (either case, optional {@code 0x}/{@code 0X} prefix).
   *
   * @throws InvalidEncodingException if the length is odd or a character is not a hex digit
   */
  public static byte[] decode(String hex) {
    String s = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (s.length() % 2 != 0) {
      throw new InvalidEncodingException("hex string has an odd number of digits (" + s.length() + ")");
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s, 2 * i);
      int lo = digit(s, 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Decodes hex that must encode exactly {@code length} bytes. */
  public static byte[] decode(String hex, int length) {
    byte[] out = decode(hex);
    if (out.length != length) {
      throw new InvalidEncodingException(
          "expected " + length + " bytes of hex, got " + out.length + " bytes");
    }
    return out;
  }

  private static int digit(String s, int index) {
    char c = s.charAt(index);
    // A table for ASCII (Character.digit is slow without the C2 compiler); beyond ASCII,
    // Character.digit's rules as always (it takes other scripts' digits too).
    int d = c < ASCII_VALUES.length ? ASCII_VALUES[c] : Character.digit(c, 16);
    if (d < 0) {
      throw new InvalidEncodingException(
          "invalid hex character '" + s.charAt(index) + "' at index " + index);
    }
    return d;
  }
}
