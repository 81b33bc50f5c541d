package io.chainsig.sandbox.store;

import java.util.Map;
import java.util.Optional;

/** A byte key-value store whose batches are atomic (all or nothing, also across a crash). */
public interface KeyValueStore extends AutoCloseable {
  /** The value of a key. */
  Optional<byte[]> get(String key);

  /** Every entry whose key starts with the prefix, in key order. */
  java.util.SortedMap<String, byte[]> scan(String prefix);

  /** Writes every entry at once; a null value deletes the key. */
  void write(Map<String, byte[]> batch);

  @Override
  void close();
}
