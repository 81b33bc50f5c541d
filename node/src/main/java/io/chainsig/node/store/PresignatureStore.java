package io.chainsig.node.store;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.storage.Key;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.WriteOp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Presignatures at rest, each usable at most once, ever. {@link #take} deletes the material and
 * writes a "used" marker, which records what it was used for ({@link PresignatureUse}), in one
 * durable batch <em>before</em> returning it, so no share computed from it can leave the node
 * unless its use is on disk; after a crash the presignature is simply gone. {@link #uses} lists
 * the records for an audit. Values should be stored through {@link EncryptedStore}.
 */
public final class PresignatureStore {
  private static final byte[] AVAILABLE = "presig/available/".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] USED = "presig/used/".getBytes(StandardCharsets.US_ASCII);

  private final KeyValueStore store;

  /** Uses {@code store} (encrypting, in production). */
  public PresignatureStore(KeyValueStore store) {
    this.store = store;
  }

  /**
   * Adds a fresh presignature.
   *
   * @throws IllegalStateException if the id was ever stored or used before
   */
  public synchronized void add(byte[] id, byte[] material) {
    addAll(Map.of(new Key(id), material));
  }

  /**
   * Adds fresh presignatures (e.g. every presignature of one presign session) in one durable batch:
   * after a crash either all of them are stored or none.
   *
   * @param materials the material of each presignature, by id
   * @throws IllegalStateException if any id was ever stored or used before (then none is added)
   */
  public synchronized void addAll(Map<Key, byte[]> materials) {
    List<WriteOp> puts = new ArrayList<>(materials.size());
    for (Map.Entry<Key, byte[]> e : materials.entrySet()) {
      byte[] id = e.getKey().bytes();
      if (store.get(key(AVAILABLE, id)).isPresent() || isUsed(id)) {
        throw new IllegalStateException(
            "presignature " + Hex.encode(id) + " already exists or was used");
      }
      puts.add(new WriteOp.Put(key(AVAILABLE, id), e.getValue()));
    }
    if (!puts.isEmpty()) {
      store.write(puts);
    }
  }

  /**
   * Marks the presignature used for {@code use} (durably, the record in the same batch) and
   * returns its material; empty if it is not available (never stored, or already taken).
   */
  public synchronized Optional<byte[]> take(byte[] id, PresignatureUse use) {
    Optional<byte[]> material = store.get(key(AVAILABLE, id));
    if (material.isEmpty()) {
      return Optional.empty();
    }
    store.write(List.of(new WriteOp.Delete(key(AVAILABLE, id)), new WriteOp.Put(key(USED, id), use.encode())));
    return material;
  }

  /** Reads an available presignature without taking it (e.g. to index it at start-up). */
  public Optional<byte[]> peek(byte[] id) {
    return store.get(key(AVAILABLE, id));
  }

  /**
   * Discards every available presignature (they embed the old key share after a reshare), marking
   * each used so that it can never come back. Returns how many were discarded.
   */
  public synchronized int discardAll() {
    return discardAll(List.of());
  }

  /**
   * Discards every available presignature like {@link #discardAll()} and applies {@code alongWith}
   * in the same durable batch (e.g. deleting the key share they were made with), so that neither
   * survives a crash without the other. Returns how many were discarded.
   */
  public synchronized int discardAll(List<WriteOp> alongWith) {
    List<byte[]> ids = availableIds();
    List<WriteOp> ops = new java.util.ArrayList<>(alongWith);
    byte[] discarded = PresignatureUse.discarded().encode();
    for (byte[] id : ids) {
      ops.add(new WriteOp.Delete(key(AVAILABLE, id)));
      ops.add(new WriteOp.Put(key(USED, id), discarded));
    }
    if (!ops.isEmpty()) {
      store.write(ops);
    }
    return ids.size();
  }

  /** True if the presignature was taken at some point. */
  public boolean isUsed(byte[] id) {
    return store.get(key(USED, id)).isPresent();
  }

  /** What the presignature was used for; empty if it was never taken. */
  public Optional<PresignatureUse> use(byte[] id) {
    return store.get(key(USED, id)).map(PresignatureUse::decode);
  }

  /** Every used presignature's record, by id (hex), in key order. */
  public Map<String, PresignatureUse> uses() {
    Map<String, PresignatureUse> out = new LinkedHashMap<>();
    store.scan(USED).forEach((k, v) ->
        out.put(Hex.encode(Arrays.copyOfRange(k.bytes(), USED.length, k.bytes().length)), PresignatureUse.decode(v)));
    return out;
  }

  /** How many presignatures are available. */
  public int available() {
    return store.scan(AVAILABLE).size();
  }

  /** Ids of the available presignatures, in key order. */
  public List<byte[]> availableIds() {
    return store.scan(AVAILABLE).keySet().stream()
        .map(k -> Arrays.copyOfRange(k.bytes(), AVAILABLE.length, k.bytes().length))
        .toList();
  }

  private static byte[] key(byte[] prefix, byte[] id) {
    if (id.length == 0 || id.length > 64) {
      throw new IllegalArgumentException("presignature id must be 1 to 64 bytes");
    }
    return ByteBuffer.allocate(prefix.length + id.length).put(prefix).put(id).array();
  }
}
