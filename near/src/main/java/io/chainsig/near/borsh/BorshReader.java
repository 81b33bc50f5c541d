package io.chainsig.near.borsh;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads borsh values from a byte array; every length is checked against what is left. */
public final class BorshReader {
  private final byte[] data;
  private int pos;

  /** Reads from these bytes (not copied). */
  public BorshReader(byte[] data) {
    this.data = data;
  }

  private void need(int n, String what) {
    if (n < 0 || data.length - pos < n) {
      throw new BorshException("unexpected end of input reading " + what + " at byte " + pos);
    }
  }

  /** One unsigned byte. */
  public int u8(String what) {
    need(1, what);
    return data[pos++] & 0xff;
  }

  /** A little-endian u32, as a long. */
  public long u32(String what) {
    return littleEndian(4, what);
  }

  /** A little-endian u64 (read as signed bits; callers treat it as unsigned). */
  public long u64(String what) {
    return littleEndian(8, what);
  }

  private long littleEndian(int n, String what) {
    need(n, what);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    pos += n;
    return v;
  }

  /** A little-endian u128. */
  public BigInteger u128(String what) {
    need(16, what);
    byte[] be = new byte[16];
    for (int i = 0; i < 16; i++) {
      be[15 - i] = data[pos + i];
    }
    pos += 16;
    return new BigInteger(1, be);
  }

  /** Exactly n bytes. */
  public byte[] fixed(int n, String what) {
    need(n, what);
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** A u32 length then that many bytes. */
  public byte[] bytes(String what) {
    long len = u32(what + " length");
    if (len > data.length - pos) {
      throw new BorshException("length " + len + " of " + what + " exceeds the input");
    }
    return fixed((int) len, what);
  }

  /** A u32 length then UTF-8. */
  public String string(String what) {
    byte[] b = bytes(what);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BorshException(what + " is not valid UTF-8");
    }
  }

  /** A vector length, bounded by the bytes left (each element takes at least one byte). */
  public int count(String what) {
    long n = u32(what + " count");
    if (n > data.length - pos) {
      throw new BorshException("count " + n + " of " + what + " exceeds the input");
    }
    return (int) n;
  }

  /** Bytes read so far. */
  public int position() {
    return pos;
  }

  /** Fails unless every byte was read. */
  public void requireEnd(String what) {
    if (pos != data.length) {
      throw new BorshException((data.length - pos) + " trailing bytes after " + what);
    }
  }
}
