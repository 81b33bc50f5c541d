package io.chainsig.storage;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts every value at rest with AES-256-GCM: {@code version (1) | nonce (12) | ciphertext+tag}.
 * The key of the entry is the associated data, so a value moved to another key does not decrypt.
 * Keys themselves are stored in the clear (they are identifiers, not secrets).
 */
public final class EncryptedStore implements KeyValueStore {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyValueStore inner;
  private final SecretKeySpec key;
  private final SecureRandom random;

  /**
   * Wraps {@code inner}.
   *
   * @param inner where the ciphertexts go
   * @param aesKey the 32-byte storage key
   * @param random nonce source (SecureRandom in production)
   */
  public EncryptedStore(KeyValueStore inner, byte[] aesKey, SecureRandom random) {
    if (aesKey.length != 32) {
      throw new IllegalArgumentException("storage key must be 32 bytes (AES-256)");
    }
    this.inner = inner;
    this.key = new SecretKeySpec(aesKey.clone(), "AES");
    this.random = random;
  }

  @Override
  public Optional<byte[]> get(byte[] k) {
    return inner.get(k).map(v -> open(k, v));
  }

  @Override
  public void write(List<WriteOp> batch) {
    List<WriteOp> sealed = new ArrayList<>(batch.size());
    for (WriteOp op : batch) {
      sealed.add(
          switch (op) {
            case WriteOp.Put p -> new WriteOp.Put(p.key(), seal(p.key(), p.value()));
            case WriteOp.Delete d -> d;
          });
    }
    inner.write(sealed);
  }

  @Override
  public Map<Key, byte[]> scan(byte[] prefix) {
    Map<Key, byte[]> out = new LinkedHashMap<>();
    inner.scan(prefix).forEach((k, v) -> out.put(k, open(k.bytes(), v)));
    return out;
  }

  /**
   * One AES-GCM cipher per thread, initialised afresh (key and a new nonce) for every record:
   * looking the algorithm up through the providers cost more than the encryption itself.
   */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new StoreException("AES/GCM is not available", e);
    }
  });

  private byte[] seal(byte[] k, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(k);
      byte[] ct = c.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(VERSION).put(nonce).put(ct).array();
    } catch (GeneralSecurityException e) {
      throw new StoreException("encryption failed", e);
    }
  }

  private byte[] open(byte[] k, byte[] sealed) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new StoreException("stored value is not an encrypted record");
    }
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      c.updateAAD(k);
      return c.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new StoreException("stored value does not decrypt (wrong storage key or tampered data)");
    }
  }

  @Override
  public void close() {
    inner.close();
  }
}
