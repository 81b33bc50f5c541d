package io.chainsig.storage;

import java.util.Arrays;

/**
 * A store key with value semantics and unsigned lexicographic order (the order RocksDB uses).
 *
 * @param bytes the key bytes
 */
public record Key(byte[] bytes) implements Comparable<Key> {
  /** Copies. */
  public Key {
    if (bytes == null) {
      throw new IllegalArgumentException("key is missing");
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** True if this key starts with {@code prefix}. */
  public boolean startsWith(byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public int compareTo(Key o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Key k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Key[" + io.chainsig.crypto.encoding.Hex.encode(bytes) + "]";
  }
}
