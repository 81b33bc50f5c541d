package io.chainsig.crypto.encoding;

import io.chainsig.crypto.Hashes;
import java.security.MessageDigest;
import java.util.Arrays;

/** Base58 with a 4-byte double-SHA-256 checksum appended, as in Bitcoin legacy addresses. */
public final class Base58Check {
  private Base58Check() {}

  /** Encodes {@code payload || checksum(payload)} in base58. */
  public static String encode(byte[] payload) {
    byte[] checksum = Hashes.sha256d(payload);
    byte[] all = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(checksum, 0, all, payload.length, 4);
    return Base58.encode(all);
  }

  /**
   * Decodes and checks the checksum; returns the payload without it.
   *
   * @throws InvalidEncodingException if the text is not base58, too short, or the checksum fails
   */
  public static byte[] decode(String text) {
    byte[] all = Base58.decode(text);
    if (all.length < 4) {
      throw new InvalidEncodingException("base58check string is shorter than its 4-byte checksum");
    }
    byte[] payload = Arrays.copyOf(all, all.length - 4);
    byte[] expected = Arrays.copyOf(Hashes.sha256d(payload), 4);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(all, all.length - 4, all.length))) {
      throw new InvalidEncodingException("base58check checksum mismatch");
    }
    return payload;
  }
}
