package io.chainsig.wallet.signer;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Signs locally with a known secp256k1 root secret {@code x}: the child secret of a path is
 * {@code x + eps} with {@code eps} from {@link DerivationTweak}, so its public key equals {@link
 * KeyDerivation#deriveSecp256k1} of the root public key, as with the real network. Nonces are
 * deterministic (RFC 6979). For development and tests only: the secret is in this process.
 */
public final class LocalSecp256k1Signer implements SignatureRequester, PublicKeyDirectory {
  private final Secp256k1Scalar rootSecret;
  private final NearAccountId account;

  /** A signer for {@code account} with root secret {@code rootSecret} (never zero). */
  public LocalSecp256k1Signer(Secp256k1Scalar rootSecret, NearAccountId account) {
    if (rootSecret.isZero()) {
      throw new IllegalArgumentException("the root secret cannot be zero");
    }
    this.rootSecret = rootSecret;
    this.account = account;
  }

  /** The root public key {@code x*G}. */
  public Secp256k1PublicKey rootPublicKey() {
    return new Secp256k1PublicKey(rootSecret.timesGenerator());
  }

  /** The public key of a path, derived from the root public key only. */
  @Override
  public Optional<Secp256k1PublicKey> publicKeyOf(String canonicalPath) {
    return Optional.of(KeyDerivation.deriveSecp256k1(rootPublicKey(), account, canonicalPath));
  }

  @Override
  public SignResult sign(String canonicalPath, byte[] payload32) {
    if (payload32.length != 32) {
      throw new IllegalArgumentException("payload must be 32 bytes, got " + payload32.length);
    }
    Secp256k1Scalar secret = rootSecret.add(DerivationTweak.of(account, canonicalPath).secp256k1Scalar());
    BigInteger z = new BigInteger(1, payload32);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(Secp256k1.N, secret.value(), payload32);
    while (true) {
      Secp256k1Scalar k = Secp256k1Scalar.of(nonces.nextK());
      Secp256k1Point bigR = k.timesGenerator();
      BigInteger r = bigR.x().mod(Secp256k1.N);
      if (r.signum() == 0 || bigR.x().compareTo(Secp256k1.N) >= 0) {
        continue; // R.x >= n would need a recovery id above 1; astronomically rare, so take the next nonce
      }
      Secp256k1Scalar s = k.inverse().multiply(Secp256k1Scalar.reduce(z).add(Secp256k1Scalar.of(r).multiply(secret)));
      if (s.isZero()) {
        continue;
      }
      Secp256k1Point publicR = bigR;
      if (s.isHigh()) {
        s = s.negate();
        publicR = bigR.negate();
      }
      return new SignResult(publicR.toCompressed(), s.toBytes(), publicR.hasOddY() ? 1 : 0);
    }
  }
}
