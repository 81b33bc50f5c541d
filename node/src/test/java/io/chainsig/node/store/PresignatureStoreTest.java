package io.chainsig.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.storage.EncryptedStore;
import io.chainsig.storage.InMemoryStore;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.RocksDbStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use-once presignature store, on the encrypted RocksDB store. */
class PresignatureStoreTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final PresignatureUse USE = PresignatureUse.discarded();
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] id(long n) {
    return java.nio.ByteBuffer.allocate(32).putLong(24, n).array();
  }

  @Test
  void aPresignatureIsTakenAtMostOnceEvenAcrossRestarts() {
    byte[] aes = new byte[32];
    RANDOM.nextBytes(aes);
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), aes, RANDOM)) {
      PresignatureStore p = new PresignatureStore(s);
      p.add(id(7), b("material-7"));
      p.add(id(8), b("material-8"));
      assertThat(p.availableIds()).containsExactly(id(7), id(8));
      assertThat(p.take(id(7), USE)).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("material-7")));
      assertThat(p.take(id(7), USE)).isEmpty();
      assertThatThrownBy(() -> p.add(id(7), b("again"))).isInstanceOf(IllegalStateException.class);
    }
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), aes, RANDOM)) {
      PresignatureStore p = new PresignatureStore(s);
      assertThat(p.isUsed(id(7))).isTrue();
      assertThat(p.take(id(7), USE)).isEmpty();
      assertThat(p.available()).isEqualTo(1);
      assertThat(p.take(id(8), USE)).isPresent();
      assertThat(p.take(id(99), USE)).isEmpty();
    }
  }

  @Test
  void concurrentTakersGetEachPresignatureOnce() throws Exception {
    PresignatureStore p = new PresignatureStore(new InMemoryStore());
    for (long i = 0; i < 200; i++) {
      p.add(id(i), b("m" + i));
    }
    ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (long i = 0; i < 200; i++) {
          Optional<byte[]> m = p.take(id(i), USE);
          if (m.isPresent()) {
            taken.add(i);
          }
        }
      });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(taken).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void discardingEveryPresignatureTakesOtherWritesAlongInOneBatch() {
    InMemoryStore s = new InMemoryStore();
    PresignatureStore p = new PresignatureStore(s);
    p.add(id(1), b("m1"));
    p.add(id(2), b("m2"));
    s.put(b("keyshare/old"), b("share"));
    assertThat(p.discardAll(List.of(new io.chainsig.storage.WriteOp.Delete(b("keyshare/old"))))).isEqualTo(2);
    assertThat(p.available()).isZero();
    assertThat(p.isUsed(id(1))).isTrue();
    assertThat(p.isUsed(id(2))).isTrue();
    assertThat(s.get(b("keyshare/old"))).isEmpty();
    assertThatThrownBy(() -> p.add(id(2), b("back"))).isInstanceOf(IllegalStateException.class);
    // with nothing to discard the other writes still happen
    s.put(b("keyshare/next"), b("share"));
    assertThat(p.discardAll(List.of(new io.chainsig.storage.WriteOp.Delete(b("keyshare/next"))))).isZero();
    assertThat(s.get(b("keyshare/next"))).isEmpty();
  }

  @Test
  void aBatchOfPresignaturesIsAddedInOneDurableWriteOrNotAtAll() {
    List<List<io.chainsig.storage.WriteOp>> writes = new ArrayList<>();
    InMemoryStore backing = new InMemoryStore();
    KeyValueStore counting = new KeyValueStore() {
      @Override
      public Optional<byte[]> get(byte[] key) {
        return backing.get(key);
      }

      @Override
      public void write(List<io.chainsig.storage.WriteOp> batch) {
        writes.add(batch);
        backing.write(batch);
      }

      @Override
      public java.util.Map<io.chainsig.storage.Key, byte[]> scan(byte[] prefix) {
        return backing.scan(prefix);
      }

      @Override
      public void close() {}
    };
    PresignatureStore p = new PresignatureStore(counting);
    java.util.Map<io.chainsig.storage.Key, byte[]> batch = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= 8; i++) {
      batch.put(new io.chainsig.storage.Key(id(i)), b("m" + i));
    }
    p.addAll(batch);
    assertThat(writes).as("one write for the whole batch").hasSize(1);
    assertThat(writes.get(0)).hasSize(8);
    assertThat(p.available()).isEqualTo(8);
    assertThat(p.take(id(3), USE)).contains(b("m3"));

    // A batch with one id that was used before adds nothing.
    java.util.Map<io.chainsig.storage.Key, byte[]> again = new java.util.LinkedHashMap<>();
    again.put(new io.chainsig.storage.Key(id(9)), b("m9"));
    again.put(new io.chainsig.storage.Key(id(3)), b("back"));
    assertThatThrownBy(() -> p.addAll(again))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exists or was used");
    assertThat(p.peek(id(9))).isEmpty();
    assertThat(p.available()).isEqualTo(7);
  }
}
