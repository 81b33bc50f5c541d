package io.chainsig.sandbox.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.near.tx.Ed25519Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorKeyTest {
  @TempDir Path dir;

  @Test
  void writesNeardsFormatAndReadsItBack() throws Exception {
    ValidatorKey k = ValidatorKey.generate("test.near", new SecureRandom());
    Path file = dir.resolve("validator_key.json");
    k.write(file);
    JsonNode json = ChainCodec.MAPPER.readTree(file.toFile());
    assertThat(json.get("account_id").asText()).isEqualTo("test.near");
    assertThat(json.get("public_key").asText()).isEqualTo(k.publicKey()).startsWith("ed25519:");
    byte[] secret = Base58.decode(json.get("secret_key").asText().substring("ed25519:".length()));
    assertThat(secret).hasSize(64);
    assertThat(Arrays.copyOfRange(secret, 32, 64)).isEqualTo(Base58.decode(k.publicKey().substring(8)));
    assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    ValidatorKey back = ValidatorKey.read(file);
    assertThat(back.publicKey()).isEqualTo(k.publicKey());
    byte[] msg = {1, 2, 3};
    assertThat(Ed25519Signatures.verify(Base58.decode(k.publicKey().substring(8)), msg, back.sign(msg))).isTrue();
    assertThat(k.toString()).doesNotContain(k.secretKey().substring(8)).contains("<redacted>");
  }
}
