package io.chainsig.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * The hash functions chainsig uses: SHA-256 (Bitcoin), SHA3-256 (NEAR key derivation), Keccak-256
 * (Ethereum) and RIPEMD-160 (Bitcoin HASH160). Each call uses a fresh digest, so these are safe to
 * call from any thread.
 */
public final class Hashes {
  private Hashes() {}

  /** SHA-256. */
  public static byte[] sha256(byte[] data) {
    return digest(new SHA256Digest(), data);
  }

  /** SHA-256 applied twice, as in Bitcoin checksums and txids. */
  public static byte[] sha256d(byte[] data) {
    return sha256(sha256(data));
  }

  /** FIPS 202 SHA3-256. */
  public static byte[] sha3_256(byte[] data) {
    return digest(new SHA3Digest(256), data);
  }

  /** SHA3-256 of the UTF-8 bytes of a string. */
  public static byte[] sha3_256(String text) {
    return sha3_256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Keccak-256 with the original padding, as Ethereum uses (not SHA3-256). */
  public static byte[] keccak256(byte[] data) {
    return digest(new KeccakDigest(256), data);
  }

  /** RIPEMD-160. */
  public static byte[] ripemd160(byte[] data) {
    return digest(new RIPEMD160Digest(), data);
  }

  /** Bitcoin's HASH160: RIPEMD-160 of SHA-256. */
  public static byte[] hash160(byte[] data) {
    return ripemd160(sha256(data));
  }

  private static byte[] digest(Digest d, byte[] data) {
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
