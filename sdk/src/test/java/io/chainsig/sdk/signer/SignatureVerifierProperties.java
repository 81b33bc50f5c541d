package io.chainsig.sdk.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.testing.LocalDerivedKeySigner;
import java.math.BigInteger;
import java.util.Random;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link SignatureVerifier}, checked against bitcoinj's ECDSA verification as an
 * independent implementation.
 */
class SignatureVerifierProperties {
  private static final NearAccountId ACCOUNT = NearAccountId.of("prop.test.near");

  private static Gen<byte[]> bytes32() {
    return SourceDSL.longs().all().map(seed -> {
      byte[] b = new byte[32];
      new Random(seed).nextBytes(b);
      return b;
    });
  }

  private static Gen<Secp256k1Scalar> secrets() {
    return bytes32().map(b -> Secp256k1Scalar.reduce(new BigInteger(1, b).add(BigInteger.ONE)))
        .assuming(s -> !s.isZero());
  }

  private static Secp256k1PublicKey derived(Secp256k1Scalar root, String path) {
    return KeyDerivation.deriveSecp256k1(new Secp256k1PublicKey(root.timesGenerator()), ACCOUNT, path);
  }

  @Test
  void networkStyleSignaturesVerifyAndAreLowS() {
    qt().withExamples(150).forAll(secrets(), bytes32(), SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .checkAssert((root, payload, path) -> {
          Secp256k1PublicKey key = derived(root, path);
          EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, path).sign(payload);
          VerifiedSignature v = SignatureVerifier.verify(payload, raw, key);
          assertThat(v.s()).isLessThanOrEqualTo(Secp256k1.HALF_N);
          assertThat(v.recoveryId()).isBetween(0, 1);
          assertThat(ECKey.verify(payload, new ECKey.ECDSASignature(v.r(), v.s()),
              key.point().toCompressed())).isTrue();
        });
  }

  @Test
  void aSignatureUnderAnotherKeyIsRejected() {
    qt().withExamples(50).forAll(secrets(), secrets(), bytes32())
        .assuming((a, b, p) -> !a.equals(b))
        .checkAssert((rootA, rootB, payload) -> {
          EcdsaSignature raw = new LocalDerivedKeySigner(rootA, ACCOUNT, "p").sign(payload);
          assertThatThrownBy(() -> SignatureVerifier.verify(payload, raw, derived(rootB, "p")))
              .isInstanceOf(InvalidSignatureException.class)
              .hasMessageContaining("does not verify");
        });
  }

  @Test
  void aWrongRecoveryIdIsRejected() {
    qt().withExamples(50).forAll(secrets(), bytes32()).checkAssert((root, payload) -> {
      EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, "p").sign(payload);
      EcdsaSignature flipped = new EcdsaSignature(raw.bigR(), raw.s(), raw.recoveryId() ^ 1);
      assertThatThrownBy(() -> SignatureVerifier.verify(payload, flipped, derived(root, "p")))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("recovery id");
    });
  }

  @Test
  void aSignatureOverAnotherPayloadIsRejected() {
    qt().withExamples(50).forAll(secrets(), bytes32()).checkAssert((root, payload) -> {
      EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, "p").sign(payload);
      byte[] other = payload.clone();
      other[31] ^= 1;
      assertThatThrownBy(() -> SignatureVerifier.verify(other, raw, derived(root, "p")))
          .isInstanceOf(InvalidSignatureException.class);
    });
  }

  @Test
  void aNegatedSIsAcceptedAndNormalisedToTheSameSignature() {
    qt().withExamples(50).forAll(secrets(), bytes32()).checkAssert((root, payload) -> {
      Secp256k1PublicKey key = derived(root, "p");
      EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, "p").sign(payload);
      EcdsaSignature negated = new EcdsaSignature(raw.bigR(), raw.s().negate(), raw.recoveryId() ^ 1);
      VerifiedSignature a = SignatureVerifier.verify(payload, raw, key);
      VerifiedSignature b = SignatureVerifier.verify(payload, negated, key);
      assertThat(b.s()).isEqualTo(a.s());
      assertThat(b.recoveryId()).isEqualTo(a.recoveryId());
    });
  }

  @Test
  void theNegatedNoncePointIsAcceptedAsBigR() {
    qt().withExamples(50).forAll(secrets(), bytes32()).checkAssert((root, payload) -> {
      Secp256k1PublicKey key = derived(root, "p");
      EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, "p").sign(payload);
      EcdsaSignature negatedR = new EcdsaSignature(raw.bigR().negate(), raw.s(), raw.recoveryId());
      VerifiedSignature a = SignatureVerifier.verify(payload, raw, key);
      VerifiedSignature b = SignatureVerifier.verify(payload, negatedR, key);
      assertThat(b.s()).isEqualTo(a.s());
      assertThat(b.recoveryId()).isEqualTo(a.recoveryId());
    });
  }

  @Test
  void aRecoveryIdClaimingAnOverflowedNonceIsRejected() {
    qt().withExamples(30).forAll(secrets(), bytes32()).checkAssert((root, payload) -> {
      EcdsaSignature raw = new LocalDerivedKeySigner(root, ACCOUNT, "p").sign(payload);
      EcdsaSignature overflow = new EcdsaSignature(raw.bigR(), raw.s(), raw.recoveryId() | 2);
      assertThatThrownBy(() -> SignatureVerifier.verify(payload, overflow, derived(root, "p")))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("recovery id");
    });
  }
}
