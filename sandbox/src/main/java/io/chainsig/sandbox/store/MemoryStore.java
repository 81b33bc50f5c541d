package io.chainsig.sandbox.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of {@link RocksDbStore}, for tests. */
public final class MemoryStore implements KeyValueStore {
  private final Map<String, byte[]> map = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(map.get(key)).map(byte[]::clone);
  }

  @Override
  public java.util.SortedMap<String, byte[]> scan(String prefix) {
    java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
    map.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k, v.clone());
      }
    });
    return out;
  }

  @Override
  public synchronized void write(Map<String, byte[]> batch) {
    batch.forEach((k, v) -> {
      if (v == null) {
        map.remove(k);
      } else {
        map.put(k, v.clone());
      }
    });
  }

  @Override
  public void close() {}
}
