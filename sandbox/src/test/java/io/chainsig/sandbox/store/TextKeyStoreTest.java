package io.chainsig.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's string-keyed store over RocksDB and over the in-memory twin. */
class TextKeyStoreTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void batchesPersistAcrossReopenAndScanByPrefix() {
    try (TextKeyStore s = new TextKeyStore(io.chainsig.storage.RocksDbStore.open(dir))) {
      s.write(Map.of("a/x", b("1"), "a/y", b("2"), "b/z", b("3")));
      Map<String, byte[]> delete = new HashMap<>();
      delete.put("a/y", null);
      s.write(delete);
      assertThatThrownBy(() -> io.chainsig.storage.RocksDbStore.open(dir)).hasMessageContaining("cannot open RocksDB");
    }
    try (TextKeyStore s = new TextKeyStore(io.chainsig.storage.RocksDbStore.open(dir))) {
      assertThat(s.get("a/x")).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("1")));
      assertThat(s.get("a/y")).isEmpty();
      assertThat(s.scan("a/").keySet()).containsExactly("a/x");
      assertThat(s.scan("b/").keySet()).containsExactly("b/z");
    }
  }

  @Test
  void memoryTwinBehavesTheSame() {
    TextKeyStore s = TextKeyStore.inMemory();
    s.write(Map.of("a/x", b("1"), "b/z", b("3")));
    assertThat(s.scan("a/").keySet()).containsExactly("a/x");
    assertThat(s.get("b/z")).isPresent();
  }
}
