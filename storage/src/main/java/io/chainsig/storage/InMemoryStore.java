package io.chainsig.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The in-memory twin of {@link RocksDbStore}, for tests and simulations. Thread-safe. */
public final class InMemoryStore implements KeyValueStore {
  private final TreeMap<Key, byte[]> data = new TreeMap<>();

  @Override
  public synchronized Optional<byte[]> get(byte[] key) {
    byte[] v = data.get(new Key(key));
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  @Override
  public synchronized void write(List<WriteOp> batch) {
    for (WriteOp op : batch) {
      switch (op) {
        case WriteOp.Put p -> data.put(new Key(p.key()), p.value());
        case WriteOp.Delete d -> data.remove(new Key(d.key()));
      }
    }
  }

  @Override
  public synchronized Map<Key, byte[]> scan(byte[] prefix) {
    Map<Key, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<Key, byte[]> e : data.tailMap(new Key(prefix), true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      out.put(e.getKey(), e.getValue().clone());
    }
    return out;
  }

  @Override
  public void close() {}
}
