package io.chainsig.crypto.encoding;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bech32 (BIP-173) and bech32m (BIP-350) strings: a human-readable part, the separator {@code 1},
 * 5-bit data values and a six-character checksum. Segwit-specific rules live in the derivation
 * module's address type; this class only knows the string format.
 */
public final class Bech32 {
  /** Which checksum constant a string uses. */
  public enum Variant {
    /** BIP-173 bech32, checksum constant 1; segwit version 0. */
    BECH32(1),
    /** BIP-350 bech32m, checksum constant 0x2bc830a3; segwit version 1 and up. */
    BECH32M(0x2bc830a3);

    private final int constant;

    Variant(int constant) {
      this.constant = constant;
    }
  }

  /** A decoded bech32 string: lower-case human-readable part, 5-bit values, checksum variant. */
  public record Decoded(String hrp, byte[] data, Variant variant) {
    /** Validates and copies. */
    public Decoded {
      if (hrp == null || data == null || variant == null) {
        throw new IllegalArgumentException("hrp, data and variant are required");
      }
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decoded d
          && hrp.equals(d.hrp)
          && Arrays.equals(data, d.data)
          && variant == d.variant;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * hrp.hashCode() + Arrays.hashCode(data)) + variant.hashCode();
    }

    @Override
    public String toString() {
      return "Decoded[hrp=" + hrp + ", data=" + data.length + " values, variant=" + variant + "]";
    }
  }

  /** BIP-173: a bech32 string is at most 90 characters long. */
  public static final int MAX_LENGTH = 90;

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] CHARSET_REV = new int[128];
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  static {
    Arrays.fill(CHARSET_REV, -1);
    for (int i = 0; i < CHARSET.length(); i++) {
      CHARSET_REV[CHARSET.charAt(i)] = i;
      CHARSET_REV[Character.toUpperCase(CHARSET.charAt(i))] = i;
    }
  }

  private Bech32() {}

  /**
   * Encodes a human-readable part and 5-bit values.
   *
   * @throws InvalidEncodingException if the hrp is empty, has characters outside 33..126, a value
   *     is not 5-bit, or the result would exceed {@link #MAX_LENGTH}
   */
  public static String encode(String hrp, byte[] values, Variant variant) {
    checkHrp(hrp);
    String lowerHrp = hrp.toLowerCase(Locale.ROOT);
    if (!hrp.equals(lowerHrp)) {
      throw new InvalidEncodingException("bech32 human-readable part must be lower case");
    }
    for (byte v : values) {
      if ((v & 0xff) > 31) {
        throw new InvalidEncodingException("bech32 data value " + (v & 0xff) + " is not 5-bit");
      }
    }
    if (hrp.length() + 1 + values.length + 6 > MAX_LENGTH) {
      throw new InvalidEncodingException("bech32 string would exceed " + MAX_LENGTH + " characters");
    }
    int[] checksum = checksum(hrp, values, variant);
    StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + 6);
    sb.append(hrp).append('1');
    for (byte v : values) {
      sb.append(CHARSET.charAt(v));
    }
    for (int c : checksum) {
      sb.append(CHARSET.charAt(c));
    }
    return sb.toString();
  }

  /**
   * Decodes a bech32 or bech32m string and tells which variant its checksum matches.
   *
   * @throws InvalidEncodingException naming the rule the string breaks
   */
  public static Decoded decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidEncodingException(
          "bech32 string is " + text.length() + " characters; the limit is " + MAX_LENGTH);
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 33 || c > 126) {
        throw new InvalidEncodingException(
            String.format("bech32 character 0x%02x at index %d is outside 33..126", (int) c, i));
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new InvalidEncodingException("bech32 string mixes upper and lower case");
    }
    String s = text.toLowerCase(Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep < 0) {
      throw new InvalidEncodingException("bech32 string has no separator '1'");
    }
    if (sep == 0) {
      throw new InvalidEncodingException("bech32 human-readable part is empty");
    }
    if (s.length() - sep - 1 < 6) {
      throw new InvalidEncodingException("bech32 checksum is shorter than 6 characters");
    }
    String hrp = s.substring(0, sep);
    byte[] all = new byte[s.length() - sep - 1];
    for (int i = 0; i < all.length; i++) {
      char c = s.charAt(sep + 1 + i);
      int v = CHARSET_REV[c];
      if (v < 0) {
        throw new InvalidEncodingException(
            "invalid bech32 data character '" + c + "' at index " + (sep + 1 + i));
      }
      all[i] = (byte) v;
    }
    int check = polymod(hrp, all);
    Variant variant;
    if (check == Variant.BECH32.constant) {
      variant = Variant.BECH32;
    } else if (check == Variant.BECH32M.constant) {
      variant = Variant.BECH32M;
    } else {
      throw new InvalidEncodingException("bech32 checksum is invalid");
    }
    return new Decoded(hrp, Arrays.copyOf(all, all.length - 6), variant);
  }

  /**
   * Regroups bits, e.g. 8-bit bytes to 5-bit values ({@code pad = true}) or back ({@code pad =
   * false}, where leftover bits must be zero and fewer than {@code from}).
   */
  public static byte[] convertBits(byte[] data, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * from / to + 1);
    for (byte b : data) {
      int value = b & 0xff;
      if ((value >>> from) != 0) {
        throw new InvalidEncodingException("value " + value + " does not fit in " + from + " bits");
      }
      acc = (acc << from) | value;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from) {
      throw new InvalidEncodingException("bech32 data has more than " + (from - 1) + " padding bits");
    } else if (((acc << (to - bits)) & maxv) != 0) {
      throw new InvalidEncodingException("bech32 data has non-zero padding");
    }
    return out.toByteArray();
  }

  private static void checkHrp(String hrp) {
    if (hrp.isEmpty()) {
      throw new InvalidEncodingException("bech32 human-readable part is empty");
    }
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new InvalidEncodingException("bech32 human-readable part has a character outside 33..126");
      }
    }
  }

  private static int polymod(String hrp, byte[] values) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (byte v : values) {
      chk = step(chk, v);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }

  private static int[] checksum(String hrp, byte[] values, Variant variant) {
    byte[] padded = Arrays.copyOf(values, values.length + 6);
    int mod = polymod(hrp, padded) ^ variant.constant;
    int[] out = new int[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (mod >>> (5 * (5 - i))) & 31;
    }
    return out;
  }
}
