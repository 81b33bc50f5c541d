package io.chainsig.derivation;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The 32-byte derivation tweak of NEAR chain signatures:
 * {@code SHA3-256(UTF-8("near-mpc-recovery v0.1.0 epsilon derivation:" + predecessor + "," + path))}.
 * Read as a secp256k1 scalar it is the additive offset {@code eps} of the child key
 * {@code X + eps*G}; read little-endian mod L it is the ed25519 offset. See {@code
 * docs/derivation.md}, steps 1-3.
 */
public final class DerivationTweak {
  /** The prefix NEAR's signer contract hashes before {@code predecessor + "," + path}. */
  public static final String PREFIX = "near-mpc-recovery v0.1.0 epsilon derivation:";

  private final byte[] bytes;

  private DerivationTweak(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Step 1: the tweak of a predecessor account and a path (any string, may be empty). */
  public static DerivationTweak of(NearAccountId predecessor, String path) {
    if (path == null) {
      throw new IllegalArgumentException("path is missing (use \"\" for the empty path)");
    }
    return new DerivationTweak(Hashes.sha3_256(PREFIX + predecessor.value() + "," + path));
  }

  /** Wraps 32 tweak bytes computed elsewhere (e.g. received from a peer). */
  public static DerivationTweak fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("tweak must be 32 bytes, got " + bytes.length);
    }
    return new DerivationTweak(bytes.clone());
  }

  /** The 32 tweak bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Step 2 (secp256k1): the tweak read big-endian as a scalar.
   *
   * @throws TweakOutOfRangeException if it is not below n (never reduced)
   */
  public Secp256k1Scalar secp256k1Scalar() {
    BigInteger v = new BigInteger(1, bytes);
    if (v.compareTo(Secp256k1.N) >= 0) {
      throw new TweakOutOfRangeException(toHex());
    }
    return Secp256k1Scalar.of(v);
  }

  /** Step 2 (ed25519): the tweak read little-endian, reduced mod L. */
  public BigInteger ed25519Scalar() {
    return Bytes.fromLittleEndian(bytes).mod(Ed25519Point.L);
  }

  /** 64 lower-case hex digits. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivationTweak t && Arrays.equals(bytes, t.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DerivationTweak[" + toHex() + "]";
  }
}
