package io.chainsig.crypto;

import io.chainsig.crypto.encoding.Hex;
import java.math.BigInteger;
import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;
import java.security.SecureRandom;

/**
 * An integer modulo the secp256k1 group order n, always held in canonical form {@code 0 <= v < n}.
 *
 * <p>{@link #toString()} prints {@code <redacted>}: scalars are often secrets (key shares, nonces).
 * Use {@link #toHex()} deliberately where the value is public.
 */
public final class Secp256k1Scalar {
  /** The scalar 0. */
  public static final Secp256k1Scalar ZERO = new Secp256k1Scalar(BigInteger.ZERO);

  /** The scalar 1. */
  public static final Secp256k1Scalar ONE = new Secp256k1Scalar(BigInteger.ONE);

  private final BigInteger value;

  private Secp256k1Scalar(BigInteger value) {
    this.value = value;
  }

  /**
   * Wraps a value that must already be canonical.
   *
   * @throws IllegalArgumentException if the value is negative or not below n
   */
  public static Secp256k1Scalar of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("scalar is not in [0, n)");
    }
    return new Secp256k1Scalar(value);
  }

  /** Reduces any integer modulo n. */
  public static Secp256k1Scalar reduce(BigInteger value) {
    return new Secp256k1Scalar(value.mod(Secp256k1.N));
  }

  /** Small non-negative integer, e.g. a participant index. */
  public static Secp256k1Scalar of(long value) {
    return reduce(BigInteger.valueOf(value));
  }

  /**
   * Reads exactly 32 big-endian bytes; values {@code >= n} are rejected, never reduced.
   *
   * @throws IllegalArgumentException on a wrong length or a value not below n
   */
  public static Secp256k1Scalar fromBytes(byte[] bigEndian32) {
    if (bigEndian32.length != 32) {
      throw new IllegalArgumentException("scalar must be 32 bytes, got " + bigEndian32.length);
    }
    BigInteger v = new BigInteger(1, bigEndian32);
    if (v.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("scalar is not below the group order n");
    }
    return new Secp256k1Scalar(v);
  }

  /** Reads big-endian bytes of any length and reduces modulo n. */
  public static Secp256k1Scalar reduceBytes(byte[] bigEndian) {
    return reduce(new BigInteger(1, bigEndian));
  }

  /** A uniformly random scalar in [0, n). */
  public static Secp256k1Scalar random(SecureRandom random) {
    return randomBelow(random);
  }

  /** A uniformly random non-zero scalar. */
  public static Secp256k1Scalar randomNonZero(SecureRandom random) {
    while (true) {
      Secp256k1Scalar s = randomBelow(random);
      if (!s.isZero()) {
        return s;
      }
    }
  }

  private static Secp256k1Scalar randomBelow(SecureRandom random) {
    // Rejection sampling: 256 random bits, retried while >= n (probability about 2^-128).
    while (true) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      BigInteger v = new BigInteger(1, b);
      if (v.compareTo(Secp256k1.N) < 0) {
        return new Secp256k1Scalar(v);
      }
    }
  }

  /** The canonical value in [0, n). */
  public BigInteger value() {
    return value;
  }

  /** True for the scalar 0. */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** this + other mod n. */
  public Secp256k1Scalar add(Secp256k1Scalar other) {
    BigInteger v = value.add(other.value);
    return new Secp256k1Scalar(v.compareTo(Secp256k1.N) >= 0 ? v.subtract(Secp256k1.N) : v);
  }

  /** this - other mod n. */
  public Secp256k1Scalar subtract(Secp256k1Scalar other) {
    BigInteger v = value.subtract(other.value);
    return new Secp256k1Scalar(v.signum() < 0 ? v.add(Secp256k1.N) : v);
  }

  /** this * other mod n. */
  public Secp256k1Scalar multiply(Secp256k1Scalar other) {
    return new Secp256k1Scalar(value.multiply(other.value).mod(Secp256k1.N));
  }

  /** -this mod n. */
  public Secp256k1Scalar negate() {
    return isZero() ? this : new Secp256k1Scalar(Secp256k1.N.subtract(value));
  }

  /** n as eight little-endian 32-bit words, for {@link #inverse()}. */
  private static final int[] N_WORDS = Nat256.fromBigInteger(Secp256k1.N);

  /**
   * The multiplicative inverse mod n.
   *
   * @throws ArithmeticException for zero
   */
  public Secp256k1Scalar inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse");
    }
    // Constant time (BouncyCastle's safegcd), unlike BigInteger.modInverse: scalars are secrets.
    int[] z = Nat256.create();
    Mod.modOddInverse(N_WORDS, Nat256.fromBigInteger(value), z);
    return new Secp256k1Scalar(Nat256.toBigInteger(z));
  }

  /** True if this is greater than n/2 (a "high" ECDSA s). */
  public boolean isHigh() {
    return value.compareTo(Secp256k1.HALF_N) > 0;
  }

  /** 32 big-endian bytes. */
  public byte[] toBytes() {
    return Bytes.toFixed(value, 32);
  }

  /** 64 lower-case hex digits. Only for values that are public. */
  public String toHex() {
    return Hex.encode(toBytes());
  }

  /** value*G. */
  public Secp256k1Point timesGenerator() {
    return Secp256k1Point.generatorTimes(this);
  }

  /** Constant-time equality on the 32-byte encodings. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1Scalar s && ConstantTime.equals(toBytes(), s.toBytes());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secp256k1Scalar<redacted>";
  }
}
