package io.chainsig.sdk.signer;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import java.math.BigInteger;

/**
 * An ECDSA signature as NEAR's signer contract returns it: the nonce point {@code big_r}, the
 * scalar {@code s} and a {@code recovery_id}. Nothing here says it is valid: see {@link
 * SignatureVerifier}.
 *
 * @param bigR the point R = k*G (r is its x coordinate mod n)
 * @param s the s scalar, high or low
 * @param recoveryId 0..3: bit 0 is the parity of the y of the point that recovers the key with
 *     (r, s) as given; bit 1 says R's x was at least n
 */
public record EcdsaSignature(Secp256k1Point bigR, Secp256k1Scalar s, int recoveryId) {
  /** Rejects missing parts, the identity, a zero r or s and a recovery id outside 0..3. */
  public EcdsaSignature {
    if (bigR == null || s == null) {
      throw new IllegalArgumentException("signature is missing big_r or s");
    }
    if (bigR.isIdentity()) {
      throw new IllegalArgumentException("big_r is the point at infinity");
    }
    if (s.isZero()) {
      throw new IllegalArgumentException("s is zero");
    }
    if (bigR.x().mod(Secp256k1.N).signum() == 0) {
      throw new IllegalArgumentException("r is zero");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      throw new IllegalArgumentException("recovery id must be 0..3, got " + recoveryId);
    }
  }

  /**
   * Reads the fields of the signer contract's JSON response: {@code big_r.affine_point} (33-byte
   * compressed SEC1 hex), {@code s.scalar} (32-byte hex) and {@code recovery_id}.
   *
   * @throws IllegalArgumentException or {@link io.chainsig.crypto.encoding.InvalidEncodingException}
   *     if a field is malformed
   */
  public static EcdsaSignature fromNearResponse(String bigRHex, String sHex, int recoveryId) {
    return new EcdsaSignature(
        Secp256k1Point.fromSec1(Hex.decode(bigRHex)),
        Secp256k1Scalar.fromBytes(Hex.decode(sHex)),
        recoveryId);
  }

  /** r: the x coordinate of {@link #bigR()} reduced mod n. */
  public BigInteger r() {
    return bigR.x().mod(Secp256k1.N);
  }
}
