package io.chainsig.sdk.testing;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.sdk.signer.EcdsaSignature;
import io.chainsig.sdk.signer.PayloadSigner;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Signs like the chain-signatures network: with the child secret {@code x + eps} of a known root
 * secret {@code x}, so its signatures verify under {@code KeyDerivation.deriveSecp256k1(x*G,
 * account, path)}. Answers in the network's raw form: the nonce point R, s as computed (high or
 * low) and the recovery id of (r, s) as given. The nonce is RFC 6979 deterministic.
 */
public final class LocalDerivedKeySigner implements PayloadSigner {
  private final Secp256k1Scalar childSecret;

  /** A signer for the key derived from a root secret for (account, path). */
  public LocalDerivedKeySigner(Secp256k1Scalar rootSecret, NearAccountId account, String path) {
    this(rootSecret.add(DerivationTweak.of(account, path).secp256k1Scalar()));
  }

  private LocalDerivedKeySigner(Secp256k1Scalar childSecret) {
    this.childSecret = childSecret;
  }

  /** A signer for a plain secret key, with no derivation (for published test vectors). */
  public static LocalDerivedKeySigner forSecret(Secp256k1Scalar secret) {
    return new LocalDerivedKeySigner(secret);
  }

  @Override
  public EcdsaSignature sign(byte[] payload32) {
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(Secp256k1.N, childSecret.value(), payload32);
    Secp256k1Scalar z = Secp256k1Scalar.reduceBytes(payload32);
    while (true) {
      Secp256k1Scalar k = Secp256k1Scalar.of(nonces.nextK());
      Secp256k1Point bigR = k.timesGenerator();
      BigInteger rx = bigR.x();
      Secp256k1Scalar r = Secp256k1Scalar.reduce(rx);
      Secp256k1Scalar s = k.inverse().multiply(z.add(r.multiply(childSecret)));
      if (r.isZero() || s.isZero()) {
        continue;
      }
      int recoveryId = (bigR.hasOddY() ? 1 : 0) | (rx.compareTo(Secp256k1.N) >= 0 ? 2 : 0);
      return new EcdsaSignature(bigR, s, recoveryId);
    }
  }

  @Override
  public String toString() {
    return "LocalDerivedKeySigner<secret redacted>";
  }
}
