package io.chainsig.sandbox.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** {@link KeyValueStore} on RocksDB; each batch is one synced {@code WriteBatch}. */
public final class RocksDbStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final RocksDB db;
  private final WriteOptions syncWrites;

  private RocksDbStore(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
    this.syncWrites = new WriteOptions().setSync(true);
  }

  /**
   * Opens (or creates) the database in a directory.
   *
   * @throws IllegalStateException if RocksDB cannot open it (e.g. another process holds it)
   */
  public static RocksDbStore open(Path dir) {
    Options options = new Options().setCreateIfMissing(true);
    try {
      return new RocksDbStore(options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      options.close();
      throw new IllegalStateException("cannot open RocksDB at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.ofNullable(db.get(key(key)));
    } catch (RocksDBException e) {
      throw new IllegalStateException("RocksDB read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public java.util.SortedMap<String, byte[]> scan(String prefix) {
    java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
    try (org.rocksdb.RocksIterator it = db.newIterator()) {
      for (it.seek(key(prefix)); it.isValid(); it.next()) {
        String k = new String(it.key(), StandardCharsets.UTF_8);
        if (!k.startsWith(prefix)) {
          break;
        }
        out.put(k, it.value());
      }
    }
    return out;
  }

  @Override
  public void write(Map<String, byte[]> batch) {
    try (WriteBatch wb = new WriteBatch()) {
      for (Map.Entry<String, byte[]> e : batch.entrySet()) {
        if (e.getValue() == null) {
          wb.delete(key(e.getKey()));
        } else {
          wb.put(key(e.getKey()), e.getValue());
        }
      }
      db.write(syncWrites, wb);
    } catch (RocksDBException e) {
      throw new IllegalStateException("RocksDB write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    syncWrites.close();
    db.close();
    options.close();
  }
}
