package io.chainsig.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB and in-memory stores, encryption at rest, and the use-once presignature store. */
class StoreTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rocksDbAndInMemoryBehaveAlike() {
    try (KeyValueStore rocks = RocksDbStore.open(dir.resolve("db")); KeyValueStore mem = new InMemoryStore()) {
      for (KeyValueStore s : List.of(rocks, mem)) {
        s.write(List.of(new WriteOp.Put(b("a/1"), b("x")), new WriteOp.Put(b("a/2"), b("y")), new WriteOp.Put(b("b/1"), b("z"))));
        s.delete(b("a/1"));
        assertThat(s.get(b("a/1"))).isEmpty();
        assertThat(s.get(b("a/2"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("y")));
        assertThat(s.scan(b("a/")).keySet()).containsExactly(new Key(b("a/2")));
        assertThat(s.scan(b("")).size()).isEqualTo(2);
      }
    }
  }

  @Test
  void rocksDbKeepsDataAcrossReopen() {
    try (KeyValueStore s = RocksDbStore.open(dir.resolve("db"))) {
      s.put(b("k"), b("v"));
    }
    try (KeyValueStore s = RocksDbStore.open(dir.resolve("db"))) {
      assertThat(s.get(b("k"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("v")));
    }
  }

  @Test
  void encryptedValuesAreNotOnDiskInTheClearAndDoNotDecryptElsewhere() throws Exception {
    byte[] aes = new byte[32];
    RANDOM.nextBytes(aes);
    String secret = "presignature-share-" + "S".repeat(40);
    InMemoryStore raw = new InMemoryStore();
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), aes, RANDOM)) {
      s.put(b("secret"), b(secret));
      assertThat(s.get(b("secret"))).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo(secret));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("SSSSSSSSSS");
      }
    }
    // Wrong key.
    byte[] other = aes.clone();
    other[0] ^= 1;
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), other, RANDOM)) {
      assertThatThrownBy(() -> s.get(b("secret"))).isInstanceOf(StoreException.class).hasMessageContaining("does not decrypt");
    }
    // A value copied under another key.
    EncryptedStore enc = new EncryptedStore(raw, aes, RANDOM);
    enc.put(b("a"), b("value of a"));
    raw.put(b("b"), raw.get(b("a")).orElseThrow());
    assertThatThrownBy(() -> enc.get(b("b"))).isInstanceOf(StoreException.class);
    // Not an encrypted record at all.
    raw.put(b("c"), b("plain"));
    assertThatThrownBy(() -> enc.get(b("c"))).hasMessageContaining("not an encrypted record");
  }

}
