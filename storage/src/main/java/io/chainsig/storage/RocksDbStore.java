package io.chainsig.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link KeyValueStore} in RocksDB. Every batch is written with {@code sync = true}: when {@link
 * #write} returns, the data survives a crash of the process or the machine.
 */
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

  /** Opens (creating if needed) the database in {@code dir}. */
  public static RocksDbStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      Options options = new Options().setCreateIfMissing(true);
      return new RocksDbStore(options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException | java.io.IOException e) {
      throw new StoreException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    try {
      return Optional.ofNullable(db.get(key));
    } catch (RocksDBException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void write(List<WriteOp> batch) {
    try (WriteBatch wb = new WriteBatch()) {
      for (WriteOp op : batch) {
        switch (op) {
          case WriteOp.Put p -> wb.put(p.key(), p.value());
          case WriteOp.Delete d -> wb.delete(d.key());
        }
      }
      db.write(syncWrites, wb);
    } catch (RocksDBException e) {
      throw new StoreException("write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<Key, byte[]> scan(byte[] prefix) {
    Map<Key, byte[]> out = new LinkedHashMap<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        Key k = new Key(it.key());
        if (!k.startsWith(prefix)) {
          break;
        }
        out.put(k, it.value());
      }
    }
    return out;
  }

  @Override
  public void close() {
    syncWrites.close();
    db.close();
    options.close();
  }
}
