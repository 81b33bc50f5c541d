package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checking under root + tweak*G in one multiplication answers as checking under the derived key. */
class EcdsaCheckProperties {
  private static final TestRootKey ROOT = TestRootKey.fixed();

  @Test
  void theChildKeyCheckAgreesWithTheDerivedKeyCheck() {
    qt().withExamples(150).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 20), integers().all())
        .checkAssert((path, seed) -> {
          String payload = Hex.encode(Hashes.sha256(BigInteger.valueOf(seed).toByteArray()));
          RequestKey key = new RequestKey(DerivationTweak.of(ALICE, path).toHex(), payload, 0);
          Secp256k1Scalar tweak = DerivationTweak.of(ALICE, path).secp256k1Scalar();
          Secp256k1Point derived = KeyDerivation.deriveSecp256k1(ROOT.publicKey(), ALICE, path).point();
          Secp256k1Scalar h = Secp256k1Scalar.fromBytes(Hex.decode(payload));
          SignatureResponse honest = ROOT.sign(key);
          Secp256k1Scalar otherS = Secp256k1Scalar.reduceBytes(Hashes.sha256(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          for (SignatureResponse sig : List.of(honest,
              new SignatureResponse(honest.bigR(), honest.s().add(Secp256k1Scalar.ONE), honest.recoveryId()),
              new SignatureResponse(honest.bigR(), honest.s(), 1 - honest.recoveryId()),
              new SignatureResponse(honest.bigR(), honest.s().negate(), honest.recoveryId()),
              new SignatureResponse(honest.bigR(), Secp256k1Scalar.ZERO, honest.recoveryId()),
              new SignatureResponse(honest.bigR(), otherS, honest.recoveryId()),
              TestRootKey.fixedOther().sign(key))) {
            assertThat(EcdsaCheck.failureUnderChildKey(ROOT.publicKey().point(), tweak, h, sig))
                .isEqualTo(EcdsaCheck.failure(derived, h, sig));
          }
          assertThat(EcdsaCheck.failureUnderChildKey(ROOT.publicKey().point(), tweak, h, honest)).isEmpty();
          // the tweak matters: under the root key itself the honest signature does not verify
          assertThat(EcdsaCheck.failureUnderChildKey(ROOT.publicKey().point(), Secp256k1Scalar.ZERO, h, honest))
              .contains("signature does not verify under the derived key");
        });
  }
}
