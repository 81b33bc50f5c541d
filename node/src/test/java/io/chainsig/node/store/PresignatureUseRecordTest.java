package io.chainsig.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.storage.EncryptedStore;
import io.chainsig.storage.InMemoryStore;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.RocksDbStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable usage record that {@link PresignatureStore#take} writes with the "used" marker (node.md step 6). */
class PresignatureUseRecordTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;

  private static byte[] id(long n) {
    return ByteBuffer.allocate(36).putInt(3).putLong(28, n).array();
  }

  private static byte[] bytes32(int fill) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }

  @Test
  void theUseIsRecordedWithTheMarkerAndSurvivesARestartOfTheEncryptedStore() {
    byte[] aes = new byte[32];
    RANDOM.nextBytes(aes);
    PresignatureUse led = PresignatureUse.sign(true, bytes32(1), bytes32(2), Hex.encode(bytes32(3)));
    PresignatureUse joined = PresignatureUse.sign(false, bytes32(4), bytes32(5), Hex.encode(bytes32(6)).toUpperCase());
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), aes, RANDOM)) {
      PresignatureStore p = new PresignatureStore(s);
      p.add(id(1), "m1".getBytes(StandardCharsets.UTF_8));
      p.add(id(2), "m2".getBytes(StandardCharsets.UTF_8));
      p.add(id(3), "m3".getBytes(StandardCharsets.UTF_8));
      assertThat(p.use(id(1))).isEmpty();
      assertThat(p.take(id(1), led)).isPresent();
      assertThat(p.take(id(2), joined)).isPresent();
      // A second take for another request neither succeeds nor overwrites the first record.
      assertThat(p.take(id(1), joined)).isEmpty();
      assertThat(p.use(id(1))).contains(led);
    }
    try (KeyValueStore s = new EncryptedStore(RocksDbStore.open(dir.resolve("db")), aes, RANDOM)) {
      PresignatureStore p = new PresignatureStore(s);
      assertThat(p.use(id(1))).contains(led);
      assertThat(p.use(id(2))).hasValueSatisfying(u -> {
        assertThat(u.kind()).isEqualTo(PresignatureUse.Kind.JOINED);
        assertThat(u.sessionIdHex()).isEqualTo(Hex.encode(bytes32(4)));
        assertThat(u.requestIdHex()).isEqualTo(Hex.encode(bytes32(5)));
        assertThat(u.entropyHex()).isEqualTo(Hex.encode(bytes32(6)));
        assertThat(u.atMillis()).isPositive();
        assertThat(u.purpose()).isEqualTo(Hex.encode(bytes32(5)) + "/" + Hex.encode(bytes32(6)));
      });
      assertThat(p.discardAll()).isEqualTo(1);
      Map<String, PresignatureUse> uses = p.uses();
      assertThat(uses.keySet()).containsExactly(Hex.encode(id(1)), Hex.encode(id(2)), Hex.encode(id(3)));
      assertThat(uses.get(Hex.encode(id(3))).kind()).isEqualTo(PresignatureUse.Kind.DISCARDED);
      assertThat(uses.get(Hex.encode(id(3))).signed()).isFalse();
      assertThat(p.availableIds()).isEmpty();
    }
  }

  @Test
  void theMarkerOfAnOlderStoreReadsAsUnrecorded() {
    InMemoryStore s = new InMemoryStore();
    byte[] key = ByteBuffer.allocate(12 + 36).put("presig/used/".getBytes(StandardCharsets.US_ASCII)).put(id(9)).array();
    s.put(key, new byte[] {1});
    PresignatureStore p = new PresignatureStore(s);
    assertThat(p.isUsed(id(9))).isTrue();
    assertThat(p.use(id(9))).hasValueSatisfying(u -> {
      assertThat(u.kind()).isEqualTo(PresignatureUse.Kind.UNRECORDED);
      assertThat(u.signed()).isFalse();
    });
  }

  @Test
  void recordsRoundTripAndBadOnesAreRefusedClearly() {
    for (PresignatureUse u : List.of(PresignatureUse.sign(true, bytes32(7), bytes32(8), Hex.encode(bytes32(9))),
        PresignatureUse.discarded(), new PresignatureUse(PresignatureUse.Kind.UNRECORDED, "", "", "", 0))) {
      assertThat(PresignatureUse.decode(u.encode())).isEqualTo(u);
    }
    byte[] good = PresignatureUse.discarded().encode();
    assertThatThrownBy(() -> PresignatureUse.decode(java.util.Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> PresignatureUse.decode(java.util.Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    assertThatThrownBy(() -> PresignatureUse.decode(new byte[] {9, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> new PresignatureUse(PresignatureUse.Kind.LED, "", "", "", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PresignatureUse(PresignatureUse.Kind.DISCARDED, Hex.encode(bytes32(1)), "", "", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no session");
    assertThatThrownBy(() -> new PresignatureUse(PresignatureUse.Kind.DISCARDED, "", "", "", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
