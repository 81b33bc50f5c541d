package io.chainsig.node.mesh;

import io.chainsig.crypto.encoding.Hex;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A node's mesh identity: an ed25519 key pair. The public key is what the signer contract lists
 * for the participant and what peers pin; the private key signs the TLS handshake. {@link
 * #toString()} never shows the private key.
 */
public final class MeshKeyPair {
  // PKCS#8 prefix of an Ed25519 private key (RFC 8410): SEQ { INT 0, SEQ { OID 1.3.101.112 }, OCTET { OCTET seed } }.
  private static final byte[] PKCS8_PREFIX = Hex.decode("302e020100300506032b657004220420");

  private final byte[] seed;
  private final byte[] publicKey;

  private MeshKeyPair(byte[] seed) {
    this.seed = seed;
    this.publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  /** A fresh key pair. */
  public static MeshKeyPair generate(SecureRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return new MeshKeyPair(seed);
  }

  /** The key pair of a 32-byte RFC 8032 seed (the private key). */
  public static MeshKeyPair fromSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("ed25519 seed must be 32 bytes, got " + seed.length);
    }
    return new MeshKeyPair(seed.clone());
  }

  /** The 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The 32-byte seed; handle as a secret. */
  public byte[] seed() {
    return seed.clone();
  }

  /** The private key as a JDK key, for the TLS stack. */
  public PrivateKey jdkPrivateKey() {
    byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
    System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot load an Ed25519 key", e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "MeshKeyPair[public=" + Hex.encode(publicKey) + ", private=<redacted>]";
  }
}
