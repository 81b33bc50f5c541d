package io.chainsig.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Known-answer tests of the hash functions (FIPS 180/202, Keccak, RIPEMD-160). */
class HashesTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void knownAnswers() throws Exception {
    assertThat(Hex.encode(Hashes.sha256(ABC)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Hex.encode(Hashes.sha3_256(ABC)))
        .isEqualTo("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    assertThat(Hashes.sha3_256(ABC)).isEqualTo(MessageDigest.getInstance("SHA3-256").digest(ABC));
    assertThat(Hex.encode(Hashes.keccak256(new byte[0])))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Hex.encode(Hashes.ripemd160(ABC))).isEqualTo("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  }
}
