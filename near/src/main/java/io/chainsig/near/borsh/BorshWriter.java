package io.chainsig.near.borsh;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes borsh values. */
public final class BorshWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** One byte. */
  public BorshWriter u8(int v) {
    out.write(v);
    return this;
  }

  /** Little-endian u32. */
  public BorshWriter u32(long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
    return this;
  }

  /** Little-endian u64. */
  public BorshWriter u64(long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
    return this;
  }

  /** Little-endian u128. */
  public BorshWriter u128(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 128) {
      throw new IllegalArgumentException("not a u128: " + v);
    }
    for (int i = 0; i < 16; i++) {
      out.write(v.shiftRight(8 * i).intValue() & 0xff);
    }
    return this;
  }

  /** Raw bytes, no length. */
  public BorshWriter fixed(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** u32 length then bytes. */
  public BorshWriter bytes(byte[] b) {
    u32(b.length);
    return fixed(b);
  }

  /** u32 length then UTF-8. */
  public BorshWriter string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes written. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
