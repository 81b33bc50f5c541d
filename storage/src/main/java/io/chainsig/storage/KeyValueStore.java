package io.chainsig.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage port of the node: byte keys to byte values, atomic batches, prefix scans. A batch
 * that returns has been made durable (synced) by implementations that persist.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value of a key, if any. */
  Optional<byte[]> get(byte[] key);

  /** Applies all writes and deletes at once, durably. */
  void write(List<WriteOp> batch);

  /** All entries whose key starts with {@code prefix}, in key order. */
  Map<Key, byte[]> scan(byte[] prefix);

  /** Writes one value. */
  default void put(byte[] key, byte[] value) {
    write(List.of(new WriteOp.Put(key, value)));
  }

  /** Deletes one key. */
  default void delete(byte[] key) {
    write(List.of(new WriteOp.Delete(key)));
  }

  @Override
  void close();
}
