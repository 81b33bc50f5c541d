package io.chainsig.crypto.group;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The prime-order subgroup of edwards25519 as a {@link PrimeOrderGroup}: 32-byte little-endian
 * scalars mod L, 32-byte RFC 8032 point encodings. Decoding rejects points outside the prime-order
 * subgroup (small-order and mixed-order points), so peers cannot smuggle in cofactor components.
 * Built on {@link Ed25519Point}, which is not constant time: fine for tests and public values,
 * to be replaced by a constant-time backend before FROST handles secrets in production.
 */
public final class Ed25519Group implements PrimeOrderGroup<Ed25519Scalar, Ed25519Point> {
  /** The only instance. */
  public static final Ed25519Group INSTANCE = new Ed25519Group();

  private static final BigInteger L = Ed25519Point.L;

  private Ed25519Group() {}

  @Override
  public String name() {
    return "ed25519";
  }

  @Override
  public int scalarLength() {
    return 32;
  }

  @Override
  public int elementLength() {
    return 32;
  }

  @Override
  public Ed25519Scalar scalarOf(long value) {
    return Ed25519Scalar.reduce(BigInteger.valueOf(value));
  }

  @Override
  public Ed25519Scalar randomScalar(SecureRandom random) {
    byte[] wide = new byte[64];
    random.nextBytes(wide);
    return scalarFromWideBytes(wide);
  }

  @Override
  public Ed25519Scalar randomNonZeroScalar(SecureRandom random) {
    while (true) {
      Ed25519Scalar s = randomScalar(random);
      if (!isZero(s)) {
        return s;
      }
    }
  }

  @Override
  public Ed25519Scalar scalarFromWideBytes(byte[] bytes64) {
    if (bytes64.length != 64) {
      throw new IllegalArgumentException("wide reduction needs 64 bytes, got " + bytes64.length);
    }
    return Ed25519Scalar.reduce(new BigInteger(1, bytes64));
  }

  @Override
  public Ed25519Scalar add(Ed25519Scalar a, Ed25519Scalar b) {
    return Ed25519Scalar.reduce(a.value().add(b.value()));
  }

  @Override
  public Ed25519Scalar subtract(Ed25519Scalar a, Ed25519Scalar b) {
    return Ed25519Scalar.reduce(a.value().subtract(b.value()));
  }

  @Override
  public Ed25519Scalar multiply(Ed25519Scalar a, Ed25519Scalar b) {
    return Ed25519Scalar.reduce(a.value().multiply(b.value()));
  }

  @Override
  public Ed25519Scalar inverse(Ed25519Scalar a) {
    if (isZero(a)) {
      throw new ArithmeticException("zero has no inverse");
    }
    return Ed25519Scalar.reduce(a.value().modInverse(L));
  }

  @Override
  public boolean isZero(Ed25519Scalar a) {
    return a.value().signum() == 0;
  }

  @Override
  public byte[] encodeScalar(Ed25519Scalar a) {
    return a.toBytes();
  }

  @Override
  public Ed25519Scalar decodeScalar(byte[] bytes) {
    if (bytes.length != 32) {
      throw new InvalidEncodingException("ed25519 scalar must be 32 bytes, got " + bytes.length);
    }
    BigInteger v = Bytes.fromLittleEndian(bytes);
    if (v.compareTo(L) >= 0) {
      throw new InvalidEncodingException("ed25519 scalar is not below L");
    }
    return Ed25519Scalar.reduce(v);
  }

  @Override
  public Ed25519Point identity() {
    return Ed25519Point.IDENTITY;
  }

  @Override
  public boolean isIdentity(Ed25519Point e) {
    return e.isIdentity();
  }

  @Override
  public Ed25519Point generatorTimes(Ed25519Scalar k) {
    return Ed25519Point.BASE.multiply(k.value());
  }

  @Override
  public Ed25519Point addElements(Ed25519Point a, Ed25519Point b) {
    return a.add(b);
  }

  @Override
  public Ed25519Point scale(Ed25519Point e, Ed25519Scalar k) {
    return e.multiply(k.value());
  }

  @Override
  public byte[] encodeElement(Ed25519Point e) {
    if (e.isIdentity()) {
      throw new IllegalStateException("the identity is not sent");
    }
    return e.encode();
  }

  @Override
  public Ed25519Point decodeElement(byte[] bytes) {
    Ed25519Point p = Ed25519Point.decode(bytes);
    if (p.isIdentity()) {
      throw new InvalidEncodingException("ed25519 element is the identity");
    }
    // L*P, written as (L-1)*P + P because multiply() reduces its scalar mod L.
    if (!p.multiply(L.subtract(BigInteger.ONE)).add(p).isIdentity()) {
      throw new InvalidEncodingException("ed25519 element is not in the prime-order subgroup");
    }
    return p;
  }

  @Override
  public String toString() {
    return "Ed25519Group";
  }
}
