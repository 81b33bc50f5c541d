package io.chainsig.contract;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Verifies a {@link SignatureResponse} against a public key and a message hash, the way the
 * contract does before it resolves a request (docs/contract.md, "respond").
 */
public final class EcdsaCheck {
  private EcdsaCheck() {}

  /**
   * Checks the signature.
   *
   * @return empty if valid, otherwise why not
   */
  public static Optional<String> failure(
      Secp256k1Point publicKey, Secp256k1Scalar messageHash, SignatureResponse sig) {
    return failure(publicKey, Secp256k1Scalar.ZERO, messageHash, sig);
  }

  /**
   * Checks the signature under the child key {@code root + tweak*G} (key derivation's last step)
   * without computing that key: {@code u1*G + u2*(root + tweak*G) = (u1 + u2*tweak)*G + u2*root},
   * one combined multiplication where deriving the key first costs a fixed-base one more. Gives
   * what {@link #failure(Secp256k1Point, Secp256k1Scalar, SignatureResponse)} gives with the
   * derived key, whenever that key exists (it is the identity only if the tweak is minus the root's
   * secret key).
   *
   * @return empty if valid, otherwise why not
   */
  public static Optional<String> failureUnderChildKey(Secp256k1Point root, Secp256k1Scalar tweak,
      Secp256k1Scalar messageHash, SignatureResponse sig) {
    return failure(root, tweak, messageHash, sig);
  }

  private static Optional<String> failure(Secp256k1Point root, Secp256k1Scalar tweak,
      Secp256k1Scalar messageHash, SignatureResponse sig) {
    if (sig.s().isZero()) {
      return Optional.of("s is zero");
    }
    if (sig.s().isHigh()) {
      return Optional.of("s is not low (s > n/2)");
    }
    BigInteger rx = sig.bigR().x();
    Secp256k1Scalar r = Secp256k1Scalar.reduce(rx);
    if (r.isZero()) {
      return Optional.of("r is zero");
    }
    Secp256k1Scalar sInv = sig.s().inverse();
    Secp256k1Scalar u1 = messageHash.multiply(sInv);
    Secp256k1Scalar u2 = r.multiply(sInv);
    Secp256k1Point v = root.generatorTimesPlusThisTimes(u1.add(u2.multiply(tweak)), u2);
    if (v.isIdentity() || !v.x().equals(rx)) {
      return Optional.of("signature does not verify under the derived key");
    }
    if (rx.compareTo(Secp256k1.N) >= 0) {
      return Optional.of("R's x coordinate is not below n (recovery id would exceed 1)");
    }
    int expected = v.hasOddY() ? 1 : 0;
    if (sig.recoveryId() != expected) {
      return Optional.of("recovery_id is " + sig.recoveryId() + ", expected " + expected);
    }
    return Optional.empty();
  }
}
