package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;

/**
 * A secp256k1 ECDSA signature with low s and the nonce point, as the signer contract returns it.
 *
 * @param bigR the nonce point R (r is its x coordinate mod n)
 * @param s the low-s scalar
 * @param recoveryId 0-3: bit 0 is the parity of R's y (after low-s normalisation), bit 1 set if
 *     R's x is not below n
 */
public record EcdsaSignature(Secp256k1Point bigR, Secp256k1Scalar s, int recoveryId) {
  /** Rejects a missing R, a zero or high s and a recovery id out of range. */
  public EcdsaSignature {
    if (bigR == null || bigR.isIdentity() || s == null || s.isZero() || s.isHigh()) {
      throw new IllegalArgumentException("not a normalised ECDSA signature");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      throw new IllegalArgumentException("recovery id must be 0..3");
    }
  }

  /** r = x(R) mod n. */
  public Secp256k1Scalar r() {
    return Secp256k1Scalar.reduce(bigR.x());
  }

  /** Standard ECDSA verification of hash scalar {@code h} under {@code publicKey}. */
  public boolean verifies(Secp256k1Scalar h, Secp256k1Point publicKey) {
    return verify(r(), s, h, publicKey);
  }

  static boolean verify(
      Secp256k1Scalar r, Secp256k1Scalar s, Secp256k1Scalar h, Secp256k1Point publicKey) {
    return verifyTweaked(r, s, h, publicKey, Secp256k1Scalar.ZERO);
  }

  /**
   * Verification under the child key {@code X + eps*G} without computing it:
   * {@code u1*G + u2*(X + eps*G) = (u1 + u2*eps)*G + u2*X}, one double multiplication.
   */
  static boolean verifyTweaked(
      Secp256k1Scalar r,
      Secp256k1Scalar s,
      Secp256k1Scalar h,
      Secp256k1Point rootKey,
      Secp256k1Scalar eps) {
    if (r.isZero() || s.isZero() || rootKey.isIdentity()) {
      return false;
    }
    Secp256k1Scalar sInv = s.inverse();
    Secp256k1Scalar u1 = h.multiply(sInv);
    Secp256k1Scalar u2 = r.multiply(sInv);
    Secp256k1Point p = rootKey.generatorTimesPlusThisTimes(u1.add(u2.multiply(eps)), u2);
    return !p.isIdentity() && p.x().mod(Secp256k1.N).equals(r.value());
  }

  /** 64 bytes r || s. */
  public byte[] toCompact() {
    byte[] out = new byte[64];
    System.arraycopy(r().toBytes(), 0, out, 0, 32);
    System.arraycopy(s.toBytes(), 0, out, 32, 32);
    return out;
  }

  static int recoveryIdOf(Secp256k1Point bigR, boolean negated) {
    int parity = bigR.hasOddY() ? 1 : 0;
    if (negated) {
      parity ^= 1;
    }
    int overflow = bigR.x().compareTo(Secp256k1.N) >= 0 ? 2 : 0;
    return parity | overflow;
  }
}
