package io.chainsig.tss.internal;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * Domain-separated SHA3 hashing: a label, then every part prefixed with its 4-byte length, so
 * that different sequences of parts never hash the same. {@link #digest()} gives SHA3-256, {@link
 * #wideDigest()} SHA3-512 (for reduction to a scalar).
 */
public final class TaggedHash {
  private final SHA3Digest digest;

  private TaggedHash(int bits, String label) {
    this.digest = new SHA3Digest(bits);
    add(label.getBytes(StandardCharsets.UTF_8));
  }

  /** A 256-bit hash under {@code label}. */
  public static TaggedHash of(String label) {
    return new TaggedHash(256, label);
  }

  /** A 512-bit hash under {@code label}. */
  public static TaggedHash wide(String label) {
    return new TaggedHash(512, label);
  }

  /** Appends a length-prefixed part. */
  public TaggedHash add(byte[] part) {
    addInt(part.length);
    digest.update(part, 0, part.length);
    return this;
  }

  /** Appends a 4-byte big-endian integer. */
  public TaggedHash addInt(int v) {
    digest.update((byte) (v >>> 24));
    digest.update((byte) (v >>> 16));
    digest.update((byte) (v >>> 8));
    digest.update((byte) v);
    return this;
  }

  /** The 32-byte SHA3-256 digest (for a hash made with {@link #of}). */
  public byte[] digest() {
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** The 64-byte SHA3-512 digest (for a hash made with {@link #wide}). */
  public byte[] wideDigest() {
    return digest();
  }
}
