package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.ALICE;
import static io.chainsig.contract.ContractFixture.N1;
import static io.chainsig.contract.ContractFixture.call;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContractProperties {
  private static final TestRootKey ROOT = TestRootKey.fixed();

  private static String payload(int seed) {
    return Hex.encode(io.chainsig.crypto.Hashes.sha256(BigInteger.valueOf(seed).toByteArray()));
  }

  @Test
  void everyHonestSignatureVerifiesAndEveryTamperedOneIsRejected() {
    qt().withExamples(100).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 20), integers().all())
        .checkAssert((path, seed) -> {
          RequestKey key = new RequestKey(DerivationTweak.of(ALICE, path).toHex(), payload(seed), 0);
          SignatureResponse sig = ROOT.sign(key);
          var derived = KeyDerivation.deriveSecp256k1(ROOT.publicKey(), ALICE, path).point();
          var h = Secp256k1Scalar.fromBytes(Hex.decode(key.payloadHex()));
          org.assertj.core.api.Assertions.assertThat(EcdsaCheck.failure(derived, h, sig)).isEmpty();
          SignatureResponse tampered = new SignatureResponse(sig.bigR(), sig.s().add(Secp256k1Scalar.ONE), sig.recoveryId());
          org.assertj.core.api.Assertions.assertThat(EcdsaCheck.failure(derived, h, tampered)).isPresent();
        });
  }

  @Test
  void stateSnapshotsRoundTripWhateverIsPending() {
    qt().withExamples(30).forAll(integers().between(0, 20), integers().between(1, 10_000))
        .checkAssert((requests, height) -> {
          ContractFixture f = new ContractFixture().running();
          for (int i = 0; i < requests; i++) {
            f.contract.sign(ContractFixture.signCall(height + i), new SignArgs("p" + (i % 5), payload(i % 3 + 1), 0), "c" + i);
          }
          byte[] snapshot = ContractStateCodec.encode(f.contract);
          SignerContract back = ContractStateCodec.decode(snapshot);
          org.assertj.core.api.Assertions.assertThat(Arrays.equals(ContractStateCodec.encode(back), snapshot)).isTrue();
          org.assertj.core.api.Assertions.assertThat(back.pendingRequests()).isEqualTo(f.contract.pendingRequests());
          // the restored contract answers like the original
          for (PendingRequest p : back.pendingRequests()) {
            org.assertj.core.api.Assertions.assertThat(back.respond(call(N1, height + 50), p.key(), ROOT.sign(p.key())))
                .hasSize(p.waiting().size());
          }
          org.assertj.core.api.Assertions.assertThat(back.pendingRequests()).isEmpty();
        });
  }
}
