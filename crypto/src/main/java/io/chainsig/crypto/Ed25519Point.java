package io.chainsig.crypto;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.math.BigInteger;

/**
 * A point of the edwards25519 group (RFC 8032, section 5.1), in extended coordinates.
 *
 * <p>Arithmetic uses the complete addition law from RFC 8032 section 5.1.4 over {@link BigInteger}.
 * It is not constant time and is meant for public values (public keys, key derivation), not for
 * secret scalars.
 */
public final class Ed25519Point {
  /** The field prime 2^255 - 19. */
  public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** The prime order L of the base point: 2^252 + 27742317777372353535851937790883648493. */
  public static final BigInteger L =
      BigInteger.ONE
          .shiftLeft(252)
          .add(new BigInteger("27742317777372353535851937790883648493"));

  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger D2 = D.shiftLeft(1).mod(P);
  private static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

  /** The neutral element (0, 1). */
  public static final Ed25519Point IDENTITY =
      new Ed25519Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

  /** The base point B (y = 4/5, x even). */
  public static final Ed25519Point BASE = base();

  private final BigInteger x;
  private final BigInteger y;
  private final BigInteger z;
  private final BigInteger t;

  private Ed25519Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  private static Ed25519Point base() {
    BigInteger by = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    BigInteger bx = recoverX(by, false);
    return new Ed25519Point(bx, by, BigInteger.ONE, bx.multiply(by).mod(P));
  }

  /**
   * Decodes the 32-byte RFC 8032 encoding (little-endian y, sign of x in the top bit). Rejects
   * non-canonical y (y >= p), points off the curve, and "negative zero" x.
   *
   * @throws InvalidEncodingException if the bytes are not a valid encoding
   */
  public static Ed25519Point decode(byte[] encoded) {
    if (encoded.length != 32) {
      throw new InvalidEncodingException("ed25519 point must be 32 bytes, got " + encoded.length);
    }
    byte[] copy = encoded.clone();
    boolean xOdd = (copy[31] & 0x80) != 0;
    copy[31] &= 0x7f;
    BigInteger y = Bytes.fromLittleEndian(copy);
    if (y.compareTo(P) >= 0) {
      throw new InvalidEncodingException("ed25519 point has a non-canonical y coordinate");
    }
    BigInteger x = recoverX(y, xOdd);
    return new Ed25519Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
  }

  private static BigInteger recoverX(BigInteger y, boolean xOdd) {
    BigInteger y2 = y.multiply(y).mod(P);
    BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
    // x = u v^3 (u v^7)^((p-5)/8)   (RFC 8032 5.1.3 step 3)
    BigInteger v3 = v.pow(3).mod(P);
    BigInteger v7 = v3.multiply(v3).multiply(v).mod(P);
    BigInteger exp = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
    BigInteger x = u.multiply(v3).multiply(u.multiply(v7).mod(P).modPow(exp, P)).mod(P);
    BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
    if (!vx2.equals(u)) {
      if (vx2.equals(u.negate().mod(P))) {
        x = x.multiply(SQRT_M1).mod(P);
      } else {
        throw new InvalidEncodingException("ed25519 encoding is not a point on the curve");
      }
    }
    if (x.signum() == 0 && xOdd) {
      throw new InvalidEncodingException("ed25519 encoding has x = 0 with the sign bit set");
    }
    if (x.testBit(0) != xOdd) {
      x = P.subtract(x);
    }
    return x;
  }

  /** this + other (RFC 8032 5.1.4, complete for a = -1). */
  public Ed25519Point add(Ed25519Point o) {
    BigInteger a = y.subtract(x).multiply(o.y.subtract(o.x)).mod(P);
    BigInteger b = y.add(x).multiply(o.y.add(o.x)).mod(P);
    BigInteger c = t.multiply(D2).multiply(o.t).mod(P);
    BigInteger d = z.shiftLeft(1).multiply(o.z).mod(P);
    BigInteger e = b.subtract(a);
    BigInteger f = d.subtract(c);
    BigInteger g = d.add(c);
    BigInteger h = b.add(a);
    return new Ed25519Point(
        e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
  }

  /** -this. */
  public Ed25519Point negate() {
    return new Ed25519Point(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
  }

  /** k * this for a non-negative k (reduced mod L first). Not constant time. */
  public Ed25519Point multiply(BigInteger k) {
    BigInteger scalar = k.mod(L);
    Ed25519Point result = IDENTITY;
    Ed25519Point addend = this;
    for (int i = 0; i < scalar.bitLength(); i++) {
      if (scalar.testBit(i)) {
        result = result.add(addend);
      }
      addend = addend.add(addend);
    }
    return result;
  }

  /**
   * k*B for the base point with a fixed-window table (64 windows of 4 bits, built once): about 64
   * additions instead of 253 doublings. Not constant time; for public scalars such as derivation
   * tweaks.
   */
  public static Ed25519Point multiplyBase(BigInteger k) {
    BigInteger scalar = k.mod(L);
    Ed25519Point[][] table = BaseTable.WINDOWS;
    Ed25519Point result = IDENTITY;
    for (int w = 0; w < table.length; w++) {
      int digit = 0;
      for (int b = 3; b >= 0; b--) {
        digit = (digit << 1) | (scalar.testBit(4 * w + b) ? 1 : 0);
      }
      if (digit != 0) {
        result = result.add(table[w][digit]);
      }
    }
    return result;
  }

  /** WINDOWS[w][d] = d * 16^w * B, built on first use. */
  private static final class BaseTable {
    static final Ed25519Point[][] WINDOWS = build();

    private static Ed25519Point[][] build() {
      Ed25519Point[][] t = new Ed25519Point[64][16];
      Ed25519Point windowBase = BASE;
      for (int w = 0; w < 64; w++) {
        t[w][0] = IDENTITY;
        for (int d = 1; d < 16; d++) {
          t[w][d] = t[w][d - 1].add(windowBase).normalized();
        }
        windowBase = t[w][15].add(windowBase).normalized();
      }
      return t;
    }
  }

  private Ed25519Point normalized() {
    BigInteger zi = z.modInverse(P);
    BigInteger ax = x.multiply(zi).mod(P);
    BigInteger ay = y.multiply(zi).mod(P);
    return new Ed25519Point(ax, ay, BigInteger.ONE, ax.multiply(ay).mod(P));
  }

  /** True for the neutral element. */
  public boolean isIdentity() {
    return x.signum() == 0 && y.equals(z);
  }

  /** The 32-byte RFC 8032 encoding. */
  public byte[] encode() {
    BigInteger zi = z.modInverse(P);
    BigInteger ax = x.multiply(zi).mod(P);
    BigInteger ay = y.multiply(zi).mod(P);
    byte[] out = Bytes.toLittleEndian(ay, 32);
    if (ax.testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Ed25519Point p)) {
      return false;
    }
    // x1/z1 == x2/z2 and y1/z1 == y2/z2, cross-multiplied.
    return x.multiply(p.z).subtract(p.x.multiply(z)).mod(P).signum() == 0
        && y.multiply(p.z).subtract(p.y.multiply(z)).mod(P).signum() == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "Ed25519Point[" + Hex.encode(encode()) + "]";
  }
}
