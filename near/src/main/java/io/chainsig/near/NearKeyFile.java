package io.chainsig.near;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.derivation.NearAccountId;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A NEAR account key in neard's key-file format: {@code account_id}, {@code public_key}
 * ({@code ed25519:<base58 32 bytes>}) and {@code secret_key} ({@code ed25519:<base58 of seed ||
 * public key, 64 bytes>}). {@link #toString()} hides the secret.
 *
 * @param accountId the account
 * @param publicKey the public key string
 * @param secretKey the secret key string
 */
public record NearKeyFile(
    @JsonProperty("account_id") String accountId,
    @JsonProperty("public_key") String publicKey,
    @JsonProperty("secret_key") String secretKey) {

  /** Validates that the secret key is a well-formed ed25519 key matching the public key. */
  public NearKeyFile {
    NearAccountId.of(accountId);
    byte[] seed = seedOf(secretKey);
    String derived = "ed25519:" + Base58.encode(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    if (!derived.equals(publicKey)) {
      throw new IllegalArgumentException("key file public_key does not match its secret_key");
    }
  }

  /**
   * Reads a key file.
   *
   * @throws IllegalArgumentException if it cannot be read or is not a valid key file
   */
  public static NearKeyFile read(java.nio.file.Path file) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), NearKeyFile.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A fresh key for an account. */
  public static NearKeyFile generate(String accountId, SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return fromSeed(accountId, seed);
  }

  /** The key file of a 32-byte ed25519 seed. */
  public static NearKeyFile fromSeed(String accountId, byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("ed25519 seed must be 32 bytes, got " + seed.length);
    }
    byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    byte[] full = Arrays.copyOf(seed, 64);
    System.arraycopy(pub, 0, full, 32, 32);
    return new NearKeyFile(accountId, "ed25519:" + Base58.encode(pub), "ed25519:" + Base58.encode(full));
  }

  /** The 32-byte ed25519 seed (the private key); handle as a secret. */
  public byte[] seed() {
    return seedOf(secretKey);
  }

  private static byte[] seedOf(String secretKey) {
    if (secretKey == null || !secretKey.startsWith("ed25519:")) {
      throw new IllegalArgumentException("key file secret_key must start with 'ed25519:'");
    }
    byte[] raw = Base58.decode(secretKey.substring("ed25519:".length()));
    if (raw.length != 64 && raw.length != 32) {
      throw new IllegalArgumentException("key file secret_key must hold 64 (or 32) bytes");
    }
    return Arrays.copyOf(raw, 32);
  }

  @Override
  public String toString() {
    return "NearKeyFile[" + accountId + ", " + publicKey + ", secret_key=<redacted>]";
  }
}
