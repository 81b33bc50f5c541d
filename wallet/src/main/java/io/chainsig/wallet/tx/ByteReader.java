package io.chainsig.wallet.tx;

import java.util.Arrays;

/** A bounds-checked cursor over bytes, with the little-endian and CompactSize reads Bitcoin uses. */
public final class ByteReader {
  private final byte[] bytes;
  private int position;

  /** Reads from the start of {@code bytes} (not copied; callers pass their own copy). */
  public ByteReader(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The offset of the next byte. */
  public int position() {
    return position;
  }

  /** Bytes left. */
  public int remaining() {
    return bytes.length - position;
  }

  /** True when every byte was read. */
  public boolean atEnd() {
    return position == bytes.length;
  }

  /** The next byte, 0-255. */
  public int readByte() {
    need(1);
    return bytes[position++] & 0xff;
  }

  /** The next {@code n} bytes. */
  public byte[] readBytes(long n) {
    if (n < 0 || n > remaining()) {
      throw new MalformedTransactionException(
          "truncated: need " + n + " bytes at offset " + position + ", have " + remaining());
    }
    byte[] out = Arrays.copyOfRange(bytes, position, position + (int) n);
    position += (int) n;
    return out;
  }

  /** A little-endian unsigned 32-bit integer. */
  public long readUint32() {
    return readLittleEndian(4);
  }

  /** A little-endian 64-bit integer. */
  public long readInt64() {
    return readLittleEndian(8);
  }

  private long readLittleEndian(int size) {
    need(size);
    long v = 0;
    for (int i = size - 1; i >= 0; i--) {
      v = (v << 8) | (bytes[position + i] & 0xff);
    }
    position += size;
    return v;
  }

  /** A Bitcoin CompactSize unsigned integer, refusing non-minimal encodings. */
  public long readCompactSize() {
    int first = readByte();
    long value;
    long minimum;
    if (first < 0xfd) {
      return first;
    } else if (first == 0xfd) {
      need(2);
      value = (bytes[position] & 0xff) | ((bytes[position + 1] & 0xff) << 8);
      position += 2;
      minimum = 0xfd;
    } else if (first == 0xfe) {
      value = readUint32();
      minimum = 0x10000;
    } else {
      value = readInt64();
      minimum = 0x100000000L;
    }
    if (Long.compareUnsigned(value, minimum) < 0) {
      throw new MalformedTransactionException("non-minimal CompactSize at offset " + (position - 1));
    }
    return value;
  }

  /** A CompactSize length followed by that many bytes. */
  public byte[] readVarBytes() {
    return readBytes(readCompactSize());
  }

  private void need(int n) {
    if (remaining() < n) {
      throw new MalformedTransactionException(
          "truncated: need " + n + " bytes at offset " + position + ", have " + remaining());
    }
  }
}
