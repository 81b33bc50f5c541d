package io.chainsig.sandbox.state;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text made of ASCII characters only, to be put raw into answers (through Jackson's {@code
 * RawValue}): its UTF-8 bytes are its characters, kept from the start, so a byte generator copies
 * them into every answer without converting characters again. The caller vouches that the text
 * is JSON; that it is ASCII is checked.
 */
public final class AsciiJson extends SerializedString {
  private static final long serialVersionUID = 1L;

  private AsciiJson(byte[] ascii) {
    super(new String(ascii, StandardCharsets.ISO_8859_1));
    _unquotedUTF8Ref = ascii;
  }

  /**
   * The text of {@code bytes[from, to)}, copied.
   *
   * @throws IllegalArgumentException if a byte is not ASCII (0-127)
   */
  public static AsciiJson of(byte[] bytes, int from, int to) {
    byte[] ascii = Arrays.copyOfRange(bytes, from, to);
    for (byte b : ascii) {
      if (b < 0) {
        throw new IllegalArgumentException("raw JSON must be ASCII");
      }
    }
    return new AsciiJson(ascii);
  }
}
