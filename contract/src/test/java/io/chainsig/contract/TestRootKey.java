package io.chainsig.contract;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.security.SecureRandom;

/**
 * Test stand-in for the MPC network: holds a known root secret {@code x} and answers a request
 * with a plain ECDSA signature under {@code x + eps} (low-s, recovery id of the verifying point).
 * Tests only; the real network never holds {@code x}.
 */
public final class TestRootKey {
  private final Secp256k1Scalar secret;
  private final SecureRandom random = new SecureRandom();

  /** A root key with the given secret. */
  public TestRootKey(Secp256k1Scalar secret) {
    this.secret = secret;
  }

  /** A fixed, well-known test key. */
  public static TestRootKey fixed() {
    return new TestRootKey(Secp256k1Scalar.reduceBytes(
        io.chainsig.crypto.Hashes.sha256("chainsig test root key".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /** A second fixed key, different from {@link #fixed()}. */
  public static TestRootKey fixedOther() {
    return new TestRootKey(Secp256k1Scalar.reduceBytes(
        io.chainsig.crypto.Hashes.sha256("another test root key".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  /** The root public key X. */
  public Secp256k1PublicKey publicKey() {
    return new Secp256k1PublicKey(secret.timesGenerator());
  }

  /** Signs the payload of a request key under {@code x + tweak}. */
  public SignatureResponse sign(RequestKey key) {
    Secp256k1Scalar eps = DerivationTweak.fromBytes(Hex.decode(key.tweakHex())).secp256k1Scalar();
    return signWith(secret.add(eps), Secp256k1Scalar.fromBytes(Hex.decode(key.payloadHex())));
  }

  /** Signs for a predecessor and path (computes the tweak). */
  public SignatureResponse sign(NearAccountId predecessor, String path, String payloadHex) {
    DerivationTweak tweak = DerivationTweak.of(predecessor, path);
    return sign(new RequestKey(tweak.toHex(), payloadHex, 0));
  }

  private SignatureResponse signWith(Secp256k1Scalar d, Secp256k1Scalar h) {
    while (true) {
      Secp256k1Scalar k = Secp256k1Scalar.randomNonZero(random);
      Secp256k1Point bigR = k.timesGenerator();
      Secp256k1Scalar r = Secp256k1Scalar.reduce(bigR.x());
      Secp256k1Scalar s = k.inverse().multiply(h.add(r.multiply(d)));
      if (r.isZero() || s.isZero()) {
        continue;
      }
      boolean flip = s.isHigh();
      if (flip) {
        s = s.negate();
      }
      int recoveryId = (bigR.hasOddY() ? 1 : 0) ^ (flip ? 1 : 0);
      return new SignatureResponse(bigR, s, recoveryId);
    }
  }
}
