package io.chainsig.sandbox.store;

import io.chainsig.storage.WriteOp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The chain's string-keyed {@link KeyValueStore} over the shared byte-keyed store ({@code
 * io.chainsig.storage}): RocksDB with synced batches in the sandbox, the in-memory twin in tests.
 * Keys are UTF-8; a {@code null} value in a batch deletes the key.
 */
public final class TextKeyStore implements KeyValueStore {
  private final io.chainsig.storage.KeyValueStore inner;

  /** Wraps a byte-keyed store (and closes it on {@link #close()}). */
  public TextKeyStore(io.chainsig.storage.KeyValueStore inner) {
    this.inner = inner;
  }

  /** A store in memory, for tests. */
  public static TextKeyStore inMemory() {
    return new TextKeyStore(new io.chainsig.storage.InMemoryStore());
  }

  @Override
  public Optional<byte[]> get(String key) {
    return inner.get(utf8(key));
  }

  @Override
  public SortedMap<String, byte[]> scan(String prefix) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    inner.scan(utf8(prefix)).forEach((k, v) -> out.put(new String(k.bytes(), StandardCharsets.UTF_8), v));
    return out;
  }

  @Override
  public void write(Map<String, byte[]> batch) {
    List<WriteOp> ops = new ArrayList<>(batch.size());
    batch.forEach((k, v) -> ops.add(v == null ? new WriteOp.Delete(utf8(k)) : new WriteOp.Put(utf8(k), v)));
    inner.write(ops);
  }

  @Override
  public void close() {
    inner.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
