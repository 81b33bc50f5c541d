package io.chainsig.crypto;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A point of the secp256k1 group, held in affine (normalised) form. The identity (point at
 * infinity) can be represented, because sums of shares may produce it, but it has no SEC1 encoding
 * and decoding never yields it.
 */
public final class Secp256k1Point {
  /** The point at infinity. */
  public static final Secp256k1Point IDENTITY = new Secp256k1Point(Secp256k1.CURVE.getInfinity());

  /** The generator G. */
  public static final Secp256k1Point GENERATOR = new Secp256k1Point(Secp256k1.G.normalize());

  private final ECPoint point;

  private Secp256k1Point(ECPoint point) {
    this.point = point;
  }

  static Secp256k1Point wrap(ECPoint p) {
    return new Secp256k1Point(p.normalize());
  }

  /** k*G. */
  public static Secp256k1Point generatorTimes(Secp256k1Scalar k) {
    return wrap(Secp256k1.multiplyGenerator(k.value()));
  }

  /**
   * Decodes SEC1: 33-byte compressed ({@code 02}/{@code 03}) or 65-byte uncompressed ({@code 04}).
   *
   * @throws InvalidEncodingException if the length or prefix is wrong, a coordinate is not below p,
   *     or the point is not on the curve
   */
  public static Secp256k1Point fromSec1(byte[] encoded) {
    if (encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3)) {
      return decode(encoded);
    }
    if (encoded.length == 65 && encoded[0] == 4) {
      return decode(encoded);
    }
    throw new InvalidEncodingException(
        "SEC1 point must be 33 bytes starting 02/03 or 65 bytes starting 04, got "
            + encoded.length
            + " bytes"
            + (encoded.length > 0 ? String.format(" starting %02x", encoded[0]) : ""));
  }

  /** Decodes the 64-byte {@code X || Y} form NEAR uses in {@code secp256k1:} key strings. */
  public static Secp256k1Point fromXy(byte[] xy) {
    if (xy.length != 64) {
      throw new InvalidEncodingException("secp256k1 X||Y must be 64 bytes, got " + xy.length);
    }
    byte[] sec1 = new byte[65];
    sec1[0] = 4;
    System.arraycopy(xy, 0, sec1, 1, 64);
    return decode(sec1);
  }

  private static Secp256k1Point decode(byte[] sec1) {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33));
    if (x.compareTo(Secp256k1.P) >= 0) {
      throw new InvalidEncodingException("secp256k1 x coordinate is not below the field prime");
    }
    if (sec1.length == 65
        && new BigInteger(1, Arrays.copyOfRange(sec1, 33, 65)).compareTo(Secp256k1.P) >= 0) {
      throw new InvalidEncodingException("secp256k1 y coordinate is not below the field prime");
    }
    ECPoint p;
    try {
      p = Secp256k1.CURVE.decodePoint(sec1);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("not a point on secp256k1: " + e.getMessage());
    }
    if (p.isInfinity() || !p.isValid()) {
      throw new InvalidEncodingException("not a point on secp256k1");
    }
    return wrap(p);
  }

  /** The BouncyCastle point (normalised), for multi-scalar multiplication in this package. */
  ECPoint ecPoint() {
    return point;
  }

  /** True for the point at infinity. */
  public boolean isIdentity() {
    return point.isInfinity();
  }

  /** this + other. */
  public Secp256k1Point add(Secp256k1Point other) {
    return wrap(point.add(other.point));
  }

  /** this - other. */
  public Secp256k1Point subtract(Secp256k1Point other) {
    return wrap(point.subtract(other.point));
  }

  /** -this. */
  public Secp256k1Point negate() {
    return wrap(point.negate());
  }

  /** k * this. */
  public Secp256k1Point multiply(Secp256k1Scalar k) {
    return wrap(point.multiply(k.value()));
  }

  /** this + k*G, normalised once (the child-key step of key derivation). */
  public Secp256k1Point addGeneratorTimes(Secp256k1Scalar k) {
    return wrap(point.add(Secp256k1.multiplyGenerator(k.value())));
  }

  /** a*G + b*this in one pass (Shamir's trick), e.g. for signature verification. */
  public Secp256k1Point generatorTimesPlusThisTimes(Secp256k1Scalar a, Secp256k1Scalar b) {
    return wrap(
        org.bouncycastle.math.ec.ECAlgorithms.sumOfTwoMultiplies(
            Secp256k1.G, a.value(), point, b.value()));
  }

  /** The affine x coordinate. */
  public BigInteger x() {
    requireFinite();
    return point.getAffineXCoord().toBigInteger();
  }

  /** The affine y coordinate. */
  public BigInteger y() {
    requireFinite();
    return point.getAffineYCoord().toBigInteger();
  }

  /** True if the affine y coordinate is odd. */
  public boolean hasOddY() {
    return y().testBit(0);
  }

  /** 33-byte compressed SEC1. */
  public byte[] toCompressed() {
    requireFinite();
    return point.getEncoded(true);
  }

  /** 65-byte uncompressed SEC1 ({@code 04 || X || Y}). */
  public byte[] toUncompressed() {
    requireFinite();
    return point.getEncoded(false);
  }

  /** 64-byte {@code X || Y}, as NEAR key strings and Ethereum addresses use. */
  public byte[] toXy() {
    return Arrays.copyOfRange(toUncompressed(), 1, 65);
  }

  private void requireFinite() {
    if (point.isInfinity()) {
      throw new IllegalStateException("the point at infinity has no coordinates");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1Point p && point.equals(p.point);
  }

  @Override
  public int hashCode() {
    return point.hashCode();
  }

  @Override
  public String toString() {
    return isIdentity() ? "Secp256k1Point[identity]" : "Secp256k1Point[" + Hex.encode(toCompressed()) + "]";
  }
}
