package io.chainsig.sdk.signer;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.InvalidSignatureException;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * Checks a signer's answer before anything carries it. A signature passes only if
 *
 * <ol>
 *   <li>Bouncy Castle's ECDSA verification accepts (r, s) for the payload under the expected key;
 *   <li>web3j's public-key recovery with (r, s, recovery id) as given yields the expected key;
 *   <li>{@code big_r} is the nonce point of that signature (R or -R, since a signer may have
 *       negated s): recovery rebuilt the nonce point from r and the recovery id (x = r, or r + n
 *       when bit 1 is set), and succeeded only if it is the signature's nonce point, so big_r must
 *       have that x coordinate. No further multiplication is needed.
 * </ol>
 *
 * <p>The result is normalised to low s (flipping the recovery id's parity bit when s is negated),
 * which Ethereum requires and Bitcoin's standardness rules expect. The normalised form recovers
 * the same key by algebra, not by luck: negating s and choosing the opposite nonce point (the
 * parity flip) gives (n - s)(-R) = s*R in the recovery formula, so it is not recovered again.
 */
public final class SignatureVerifier {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  private SignatureVerifier() {}

  /**
   * Verifies and normalises a signature.
   *
   * @param payload32 the 32 bytes that were signed
   * @param signature the signer's answer
   * @param expectedKey the derived key the signature must verify under
   * @throws InvalidSignatureException naming the check that failed
   * @throws IllegalArgumentException if the payload is not 32 bytes
   */
  public static VerifiedSignature verify(
      byte[] payload32, EcdsaSignature signature, Secp256k1PublicKey expectedKey) {
    if (payload32 == null || payload32.length != 32) {
      throw new IllegalArgumentException("payload must be 32 bytes");
    }
    BigInteger r = signature.r();
    BigInteger s = signature.s().value();
    String key = expectedKey.toCompressedHex();

    ECDSASigner verifier = new ECDSASigner();
    verifier.init(
        false,
        new ECPublicKeyParameters(
            CURVE.getCurve().decodePoint(expectedKey.point().toCompressed()), DOMAIN));
    if (!verifier.verifySignature(payload32, r, s)) {
      throw new InvalidSignatureException(
          "the signature does not verify under the derived key " + key);
    }

    if (!recovers(signature.recoveryId(), r, s, payload32, expectedKey)) {
      throw new InvalidSignatureException(
          "recovery id " + signature.recoveryId() + " does not recover the derived key " + key);
    }
    BigInteger nonceX = (signature.recoveryId() & 2) == 0 ? r : r.add(Secp256k1.N);
    if (!signature.bigR().x().equals(nonceX)) {
      throw new InvalidSignatureException("big_r is not the nonce point of the signature");
    }

    int recoveryId = signature.recoveryId();
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      s = Secp256k1.N.subtract(s);
      recoveryId ^= 1;
    }
    return new VerifiedSignature(r, s, recoveryId, expectedKey, payload32);
  }

  private static boolean recovers(
      int recoveryId, BigInteger r, BigInteger s, byte[] payload32, Secp256k1PublicKey key) {
    BigInteger recovered = Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), payload32);
    return recovered != null && recovered.equals(new BigInteger(1, key.point().toXy()));
  }
}
