package io.chainsig.sandbox.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.near.tx.Ed25519Signatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The root account's key in neard's {@code validator_key.json} format: {@code account_id},
 * {@code public_key} ({@code ed25519:<base58 32 bytes>}) and {@code secret_key} ({@code
 * ed25519:<base58 of seed || public key>}, 64 bytes). The secret never appears in logs or in
 * {@link #toString()}.
 */
public final class ValidatorKey {
  private final String accountId;
  private final byte[] seed;
  private final byte[] publicKey;

  private ValidatorKey(String accountId, byte[] seed) {
    this.accountId = accountId;
    this.seed = seed.clone();
    this.publicKey = Ed25519Signatures.publicKey(seed);
  }

  /** A fresh random key for the account. */
  public static ValidatorKey generate(String accountId, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return new ValidatorKey(accountId, seed);
  }

  /** From a 32-byte seed. */
  public static ValidatorKey fromSeed(String accountId, byte[] seed) {
    return new ValidatorKey(accountId, seed);
  }

  /** The account id. */
  public String accountId() {
    return accountId;
  }

  /** The public key as NEAR writes it. */
  public String publicKey() {
    return "ed25519:" + Base58.encode(publicKey);
  }

  /** The secret key as NEAR writes it (seed || public key, base58). */
  public String secretKey() {
    byte[] full = Arrays.copyOf(seed, 64);
    System.arraycopy(publicKey, 0, full, 32, 32);
    return "ed25519:" + Base58.encode(full);
  }

  /** Signs a message (a transaction hash). */
  public byte[] sign(byte[] message) {
    return Ed25519Signatures.sign(seed, message);
  }

  /** Writes the key file, readable by the owner only where the file system allows. */
  public void write(Path file) throws IOException {
    String json = ChainCodec.MAPPER.createObjectNode()
        .put("account_id", accountId).put("public_key", publicKey()).put("secret_key", secretKey())
        .toPrettyString();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, json);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a key file in neard's format. */
  public static ValidatorKey read(Path file) throws IOException {
    JsonNode o = ChainCodec.MAPPER.readTree(file.toFile());
    String secret = o.get("secret_key").asText();
    if (!secret.startsWith("ed25519:")) {
      throw new IOException("validator key is not an ed25519 key");
    }
    byte[] full = Base58.decode(secret.substring("ed25519:".length()));
    if (full.length != 64 && full.length != 32) {
      throw new IOException("validator secret key has " + full.length + " bytes");
    }
    return new ValidatorKey(o.get("account_id").asText(), Arrays.copyOf(full, 32));
  }

  @Override
  public String toString() {
    return "ValidatorKey[" + accountId + ", " + publicKey() + ", secret=<redacted>]";
  }
}
