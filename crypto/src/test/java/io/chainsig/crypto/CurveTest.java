package io.chainsig.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** secp256k1 and ed25519 group arithmetic, encodings and rejections. */
class CurveTest {
  @Test
  void secp256k1GroupLaws() {
    Secp256k1Point g = Secp256k1Point.GENERATOR;
    assertThat(g.multiply(Secp256k1Scalar.reduce(Secp256k1.N.subtract(BigInteger.ONE))).add(g).isIdentity())
        .isTrue();
    assertThat(Hex.encode(g.toCompressed()))
        .isEqualTo("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    qt().withExamples(200)
        .forAll(longs().all(), longs().all())
        .checkAssert(
            (a, b) -> {
              Secp256k1Scalar sa = Secp256k1Scalar.reduce(BigInteger.valueOf(a));
              Secp256k1Scalar sb = Secp256k1Scalar.reduce(BigInteger.valueOf(b));
              assertThat(sa.add(sb).timesGenerator()).isEqualTo(sa.timesGenerator().add(sb.timesGenerator()));
              assertThat(g.addGeneratorTimes(sa)).isEqualTo(Secp256k1Scalar.ONE.add(sa).timesGenerator());
              assertThat(Secp256k1Point.fromSec1(sa.add(Secp256k1Scalar.ONE).timesGenerator().toCompressed()))
                  .isEqualTo(sa.add(Secp256k1Scalar.ONE).timesGenerator());
              if (!sa.isZero()) {
                assertThat(sa.multiply(sa.inverse())).isEqualTo(Secp256k1Scalar.ONE);
              }
            });
  }

  @Test
  void theConstantTimeInverseAgreesWithBigIntegerOverTheWholeRange() {
    java.util.Random seeds = new java.util.Random(7);
    java.util.List<BigInteger> values = new java.util.ArrayList<>(java.util.List.of(
        BigInteger.ONE, BigInteger.TWO, Secp256k1.N.subtract(BigInteger.ONE), Secp256k1.N.subtract(BigInteger.TWO),
        Secp256k1.HALF_N, BigInteger.ONE.shiftLeft(255).mod(Secp256k1.N)));
    for (int i = 0; i < 500; i++) {
      BigInteger v = new BigInteger(256, seeds).mod(Secp256k1.N);
      if (v.signum() != 0) {
        values.add(v);
      }
    }
    for (BigInteger v : values) {
      assertThat(Secp256k1Scalar.of(v).inverse().value()).isEqualTo(v.modInverse(Secp256k1.N));
    }
  }

  @Test
  void secp256k1ScalarsRejectOutOfRangeAndPrintRedacted() {
    assertThatThrownBy(() -> Secp256k1Scalar.fromBytes(Bytes.toFixed(Secp256k1.N, 32)))
        .hasMessageContaining("not below the group order");
    assertThatThrownBy(() -> Secp256k1Scalar.fromBytes(new byte[31])).hasMessageContaining("32 bytes");
    assertThat(Secp256k1Scalar.randomNonZero(new SecureRandom()).toString()).contains("<redacted>");
    assertThatThrownBy(() -> Secp256k1Scalar.ZERO.inverse()).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void secp256k1PointDecodingRejectsGarbage() {
    assertThatThrownBy(() -> Secp256k1Point.fromSec1(new byte[0])).isInstanceOf(InvalidEncodingException.class);
    byte[] c = Secp256k1Point.GENERATOR.toCompressed();
    c[0] = 5;
    assertThatThrownBy(() -> Secp256k1Point.fromSec1(c)).hasMessageContaining("starting 05");
    byte[] u = Secp256k1Point.GENERATOR.toUncompressed();
    u[64] ^= 1;
    assertThatThrownBy(() -> Secp256k1Point.fromSec1(u)).hasMessageContaining("not a point");
    assertThatThrownBy(() -> Secp256k1Point.IDENTITY.toCompressed()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ed25519BasePointAndOrder() {
    assertThat(Hex.encode(Ed25519Point.BASE.encode()))
        .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
    assertThat(Ed25519Point.BASE.multiply(Ed25519Point.L).isIdentity()).isTrue();
    assertThat(Ed25519Point.multiplyBase(Ed25519Point.L).isIdentity()).isTrue();
    assertThat(Ed25519Point.multiplyBase(BigInteger.ONE)).isEqualTo(Ed25519Point.BASE);
    assertThat(Ed25519Point.multiplyBase(BigInteger.valueOf(17)))
        .isEqualTo(Ed25519Point.BASE.multiply(BigInteger.valueOf(17)));
    assertThat(Ed25519Point.BASE.add(Ed25519Point.BASE.negate()).isIdentity()).isTrue();
  }

  @Test
  void ed25519ScalarMultiplicationMatchesBouncyCastle() {
    // BouncyCastle's RFC 8032 code derives a public key as clamp(SHA-512(seed)[0..32]) * B;
    // our independent arithmetic must give the same point.
    qt().withExamples(50)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              byte[] sk = new byte[32];
              new Random(seed).nextBytes(sk);
              byte[] pk = new byte[32];
              Ed25519.generatePublicKey(sk, 0, pk, 0);
              byte[] h = sha512(sk);
              byte[] s = Arrays.copyOf(h, 32);
              s[0] &= (byte) 248;
              s[31] &= 127;
              s[31] |= 64;
              assertThat(Ed25519Point.BASE.multiply(Bytes.fromLittleEndian(s)).encode()).isEqualTo(pk);
              assertThat(Ed25519Point.decode(pk).encode()).isEqualTo(pk);
              assertThat(Ed25519Point.multiplyBase(Bytes.fromLittleEndian(s)).encode()).isEqualTo(pk);
            });
  }

  @Test
  void ed25519DecodingRejectsNonCanonicalAndOffCurve() {
    byte[] yIsP = Bytes.toLittleEndian(Ed25519Point.P, 32);
    assertThatThrownBy(() -> Ed25519Point.decode(yIsP)).hasMessageContaining("non-canonical");
    byte[] y2 = Bytes.toLittleEndian(BigInteger.TWO, 32); // y = 2 is not on the curve
    assertThatThrownBy(() -> Ed25519Point.decode(y2)).hasMessageContaining("not a point");
    byte[] identityNegZero = Bytes.toLittleEndian(BigInteger.ONE, 32);
    identityNegZero[31] |= (byte) 0x80;
    assertThatThrownBy(() -> Ed25519Point.decode(identityNegZero)).hasMessageContaining("x = 0");
    assertThatThrownBy(() -> Ed25519Point.decode(new byte[31])).hasMessageContaining("32 bytes");
  }

  private static byte[] sha512(byte[] in) {
    try {
      return java.security.MessageDigest.getInstance("SHA-512").digest(in);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
