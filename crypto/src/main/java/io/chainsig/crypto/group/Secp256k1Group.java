package io.chainsig.crypto.group;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.math.BigInteger;
import java.security.SecureRandom;

/** secp256k1 as a {@link PrimeOrderGroup}: 32-byte scalars, 33-byte compressed SEC1 points. */
public final class Secp256k1Group implements PrimeOrderGroup<Secp256k1Scalar, Secp256k1Point> {
  /** The only instance. */
  public static final Secp256k1Group INSTANCE = new Secp256k1Group();

  private Secp256k1Group() {}

  @Override
  public String name() {
    return "secp256k1";
  }

  @Override
  public int scalarLength() {
    return 32;
  }

  @Override
  public int elementLength() {
    return 33;
  }

  @Override
  public Secp256k1Scalar scalarOf(long value) {
    return Secp256k1Scalar.of(value);
  }

  @Override
  public Secp256k1Scalar randomScalar(SecureRandom random) {
    return Secp256k1Scalar.random(random);
  }

  @Override
  public Secp256k1Scalar randomNonZeroScalar(SecureRandom random) {
    return Secp256k1Scalar.randomNonZero(random);
  }

  @Override
  public Secp256k1Scalar scalarFromWideBytes(byte[] bytes64) {
    if (bytes64.length != 64) {
      throw new IllegalArgumentException("wide reduction needs 64 bytes, got " + bytes64.length);
    }
    return Secp256k1Scalar.reduce(new BigInteger(1, bytes64));
  }

  @Override
  public Secp256k1Scalar add(Secp256k1Scalar a, Secp256k1Scalar b) {
    return a.add(b);
  }

  @Override
  public Secp256k1Scalar subtract(Secp256k1Scalar a, Secp256k1Scalar b) {
    return a.subtract(b);
  }

  @Override
  public Secp256k1Scalar multiply(Secp256k1Scalar a, Secp256k1Scalar b) {
    return a.multiply(b);
  }

  @Override
  public Secp256k1Scalar inverse(Secp256k1Scalar a) {
    return a.inverse();
  }

  @Override
  public boolean isZero(Secp256k1Scalar a) {
    return a.isZero();
  }

  @Override
  public byte[] encodeScalar(Secp256k1Scalar a) {
    return a.toBytes();
  }

  @Override
  public Secp256k1Scalar decodeScalar(byte[] bytes) {
    if (bytes.length != 32) {
      throw new InvalidEncodingException("secp256k1 scalar must be 32 bytes, got " + bytes.length);
    }
    if (new BigInteger(1, bytes).compareTo(Secp256k1.N) >= 0) {
      throw new InvalidEncodingException("secp256k1 scalar is not below the group order");
    }
    return Secp256k1Scalar.fromBytes(bytes);
  }

  @Override
  public Secp256k1Point identity() {
    return Secp256k1Point.IDENTITY;
  }

  @Override
  public boolean isIdentity(Secp256k1Point e) {
    return e.isIdentity();
  }

  @Override
  public Secp256k1Point generatorTimes(Secp256k1Scalar k) {
    return Secp256k1Point.generatorTimes(k);
  }

  @Override
  public Secp256k1Point addElements(Secp256k1Point a, Secp256k1Point b) {
    return a.add(b);
  }

  @Override
  public Secp256k1Point scale(Secp256k1Point e, Secp256k1Scalar k) {
    return e.multiply(k);
  }

  @Override
  public Secp256k1Point sumOfScaled(
      java.util.List<Secp256k1Point> elements, java.util.List<Secp256k1Scalar> scalars) {
    if (elements.isEmpty() && scalars.isEmpty()) {
      return Secp256k1Point.IDENTITY;
    }
    return io.chainsig.crypto.Secp256k1MultiScalar.sum(elements, scalars);
  }

  @Override
  public byte[] encodeElement(Secp256k1Point e) {
    return e.toCompressed();
  }

  @Override
  public Secp256k1Point decodeElement(byte[] bytes) {
    if (bytes.length != 33) {
      throw new InvalidEncodingException("secp256k1 element must be 33 bytes, got " + bytes.length);
    }
    return Secp256k1Point.fromSec1(bytes);
  }

  @Override
  public String toString() {
    return "Secp256k1Group";
  }
}
