package io.chainsig.sdk.testing;

import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.math.BigInteger;

/**
 * A fixed test root key and account, standing in for the MPC network's root key and the caller: the
 * expected derived key is computed from the root's public key only, independently of the signer.
 */
public final class TestKeys {
  /** The root secret the network would hold in shares (a test value, never a real key). */
  public static final Secp256k1Scalar ROOT_SECRET =
      Secp256k1Scalar.of(new BigInteger("c0ffee0000000000000000000000000000000000000000000000000000c0de", 16));

  /** The NEAR account that asks for signatures. */
  public static final NearAccountId ACCOUNT = NearAccountId.of("alice.test.near");

  private TestKeys() {}

  /** The root public key. */
  public static Secp256k1PublicKey rootPublicKey() {
    return new Secp256k1PublicKey(ROOT_SECRET.timesGenerator());
  }

  /** The key the network would derive for {@link #ACCOUNT} and a path. */
  public static Secp256k1PublicKey derivedKey(String path) {
    return KeyDerivation.deriveSecp256k1(rootPublicKey(), ACCOUNT, path);
  }

  /** A signer for {@link #ACCOUNT} and a path that signs like the network. */
  public static LocalDerivedKeySigner signer(String path) {
    return new LocalDerivedKeySigner(ROOT_SECRET, ACCOUNT, path);
  }
}
