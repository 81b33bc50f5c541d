package io.chainsig.sdk.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.SignatureRefusedException;
import io.chainsig.sdk.testing.TestKeys;
import org.junit.jupiter.api.Test;

/** Reading the signer contract's response fields, and what {@link VerifyingSigner} does with answers. */
class EcdsaSignatureTest {
  private static final byte[] PAYLOAD = Hex.decode("8a4c7b1b3d09a8f4e0b6cd4a4a6d2e0c1f0e9d8c7b6a5f4e3d2c1b0a99887766");

  @Test
  void readsTheNearResponseFieldsBackIntoTheSameSignature() {
    EcdsaSignature raw = TestKeys.signer("near-response").sign(PAYLOAD);
    EcdsaSignature parsed = EcdsaSignature.fromNearResponse(
        Hex.encode(raw.bigR().toCompressed()), raw.s().toHex(), raw.recoveryId());
    assertThat(parsed).isEqualTo(raw);
    assertThat(parsed.r()).isEqualTo(raw.bigR().x());
    VerifiedSignature v = SignatureVerifier.verify(PAYLOAD, parsed, TestKeys.derivedKey("near-response"));
    assertThat(v.publicKey()).isEqualTo(TestKeys.derivedKey("near-response"));
  }

  @Test
  void rejectsMalformedFields() {
    assertThatThrownBy(() -> EcdsaSignature.fromNearResponse("04" + "00".repeat(32), "01".repeat(32), 0))
        .isInstanceOf(InvalidEncodingException.class);
    assertThatThrownBy(() -> new EcdsaSignature(Secp256k1Point.GENERATOR, Secp256k1Scalar.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s is zero");
    assertThatThrownBy(() -> new EcdsaSignature(Secp256k1Point.GENERATOR, Secp256k1Scalar.ONE, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recovery id");
    assertThatThrownBy(() -> new EcdsaSignature(Secp256k1Point.IDENTITY, Secp256k1Scalar.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBigRThatIsNotTheNoncePointIsRejected() {
    Secp256k1PublicKey key = TestKeys.derivedKey("near-response");
    EcdsaSignature raw = TestKeys.signer("near-response").sign(PAYLOAD);
    EcdsaSignature otherR = new EcdsaSignature(raw.bigR().add(Secp256k1Point.GENERATOR), raw.s(), raw.recoveryId());
    assertThatThrownBy(() -> SignatureVerifier.verify(PAYLOAD, otherR, key))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void theVerifyingSignerWrapsSignerFailuresAndEmptyAnswers() {
    Secp256k1PublicKey key = TestKeys.derivedKey("p");
    assertThatThrownBy(() -> new VerifyingSigner(key, payload -> {
      throw new IllegalStateException("timed out waiting for the signer contract");
    }).sign(PAYLOAD))
        .isInstanceOf(SignatureRefusedException.class)
        .hasMessageContaining("the signer failed: timed out");
    assertThatThrownBy(() -> new VerifyingSigner(key, payload -> null).sign(PAYLOAD))
        .isInstanceOf(SignatureRefusedException.class)
        .hasMessageContaining("no signature");
    assertThatThrownBy(() -> new VerifyingSigner(key, TestKeys.signer("p")).sign(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
