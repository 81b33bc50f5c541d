package io.chainsig.wallet.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

/** Every signature is checked with web3j, an implementation independent of this code base. */
class LocalSecp256k1SignerTest {
  static final Secp256k1Scalar TEST_ROOT_SECRET = Secp256k1Scalar.of(new BigInteger("1234567890abcdef1234567890abcdef", 16));
  static final NearAccountId ACCOUNT = new NearAccountId("david.near");

  /** Recovers the signer's public key with web3j and compares it with the derived key of the path. */
  static void assertVerifies(SignResult signature, byte[] payload, Secp256k1PublicKey expected) throws Exception {
    Sign.SignatureData data = new Sign.SignatureData((byte) (27 + signature.recoveryId()), signature.r(), signature.s());
    BigInteger recovered = Sign.signedMessageHashToKey(payload, data);
    byte[] xy = expected.point().toXy();
    assertThat(recovered).isEqualTo(new BigInteger(1, xy));
  }

  @Test
  void signaturesVerifyUnderTheDerivedKeyOfTheirPath() throws Exception {
    LocalSecp256k1Signer signer = new LocalSecp256k1Signer(TEST_ROOT_SECRET, ACCOUNT);
    String path = "{\"chain\":0,\"domain\":\"near.org\"}";
    byte[] payload = Hashes.sha256("Send 100 BTC".getBytes(StandardCharsets.UTF_8));
    SignResult signature = signer.sign(path, payload);
    assertVerifies(signature, payload, signer.publicKeyOf(path).orElseThrow());
    assertThat(signer.sign(path, payload)).usingRecursiveComparison().isEqualTo(signature);
    assertThat(signer.publicKeyOf(path).orElseThrow()).isNotEqualTo(signer.publicKeyOf("{\"chain\":0}").orElseThrow());
  }

  @Test
  void anyPathAndPayloadGivesALowSSignatureWebj3Verifies() {
    LocalSecp256k1Signer signer = new LocalSecp256k1Signer(TEST_ROOT_SECRET, ACCOUNT);
    qt().withExamples(40)
        .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30), longs().all())
        .checkAssert((path, seed) -> {
          byte[] payload = Hashes.sha256((path + seed).getBytes(StandardCharsets.UTF_8));
          SignResult signature = signer.sign(path, payload);
          assertThat(new BigInteger(1, signature.s())).isLessThanOrEqualTo(io.chainsig.crypto.Secp256k1.HALF_N);
          try {
            assertVerifies(signature, payload, signer.publicKeyOf(path).orElseThrow());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          byte[] other = Arrays.copyOf(payload, 32);
          other[0] ^= 1;
          try {
            Sign.SignatureData data = new Sign.SignatureData((byte) (27 + signature.recoveryId()), signature.r(), signature.s());
            assertThat(Sign.signedMessageHashToKey(other, data))
                .isNotEqualTo(new BigInteger(1, signer.publicKeyOf(path).orElseThrow().point().toXy()));
          } catch (java.security.SignatureException e) {
            // also a failure to verify: fine
          }
        });
  }
}
