package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.ecdsa.Rerandomization;
import io.chainsig.tss.ecdsa.SignRequest;
import io.chainsig.tss.simulation.Envelope;
import io.chainsig.tss.simulation.InMemoryNetwork;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "Has not changed" tests: with seeded randomness the transcripts of keygen, presign and sign and
 * the derivation of delta are fixed. A change here breaks compatibility between node versions and
 * must come with a new {@code MessageCodec.VERSION} or label.
 */
class EncodingSnapshotTest {
  private static InMemoryNetwork recording(ParticipantSet parties, List<Envelope> log) {
    InMemoryNetwork.Builder b = InMemoryNetwork.builder();
    for (ParticipantId p : parties.ids()) {
      b.misbehave(p, e -> {
        log.add(e);
        return List.of(e);
      });
    }
    return b.build();
  }

  private static String transcriptHash(List<Envelope> log) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Envelope e : log) {
      out.write(e.from().value());
      out.write(e.to().value());
      out.writeBytes(Hashes.sha256(e.bytes()));
    }
    return Hex.encode(Hashes.sha256(out.toByteArray()));
  }

  @Test
  void deltaDerivationIsPinned() {
    Secp256k1Point x = Secp256k1Scalar.of(7).timesGenerator();
    Secp256k1Point r = Secp256k1Scalar.of(11).timesGenerator();
    Secp256k1Scalar delta = Rerandomization.delta(
        x, Secp256k1Scalar.of(3), Secp256k1Scalar.of(5), r, ParticipantSet.ofIds(1, 2, 3), new byte[32]);
    assertThat(delta.toHex()).isEqualTo("b9c09e60f10e578d3ea4f97de09a0397a05059aab45a6357a9d69cdf63c31382");
  }

  @Test
  void messageLayoutsArePinned() {
    ParticipantSet all = ParticipantSet.ofRange(3);
    List<Envelope> keygenLog = new ArrayList<>();
    var shares = recording(all, keygenLog).run(Simulations.keygenParties(all, 1, 2026)).outputs();
    // Header: version 1, protocol tag, round, 32-byte session id.
    Envelope first = keygenLog.get(0);
    assertThat(Hex.encode(first.bytes()).substring(0, 6)).isEqualTo("010101");
    assertThat(keygenLog.stream().map(e -> e.bytes()[2] + ":" + e.bytes().length).distinct().toList())
        .containsExactly("1:67", "2:133", "3:200", "4:67");
    assertThat(transcriptHash(keygenLog)).isEqualTo("8249cc3c6e896ac8c3a589c38a971bd31471ceaafbf62884ccb4c924ca0763d9");

    List<Envelope> presignLog = new ArrayList<>();
    Map<ParticipantId, Presignature> presigs =
        recording(all, presignLog).run(EcdsaSimulations.presignParties(Map.copyOf(shares), all, 2026)).outputs();
    assertThat(presignLog.stream().map(e -> e.bytes()[2] + ":" + e.bytes().length).distinct().toList())
        .containsExactly("1:195", "2:100", "3:68");
    assertThat(transcriptHash(presignLog)).isEqualTo("423f7ba7fd41323a8b2e6ffb4655774fb2bcbcd421921cafef78e01ba53b8a46");

    List<Envelope> signLog = new ArrayList<>();
    SignRequest req = SignRequest.of(Hashes.sha256(new byte[] {1}), Secp256k1Scalar.of(9), new byte[32]);
    var out = recording(all, signLog).run(EcdsaSimulations.signParties(presigs, ParticipantId.of(1), req));
    assertThat(signLog.stream().map(e -> e.bytes()[2] + ":" + e.bytes().length).distinct().toList())
        .containsExactly("1:99");
    assertThat(transcriptHash(signLog)).isEqualTo("1f6ba3416af621b274540ac8b655dd6a32b2f1d620d3c4587d238219de9471ec");
    EcdsaSignature sig = out.output(ParticipantId.of(1)).orElseThrow();
    assertThat(Hex.encode(sig.toCompact()) + "/" + sig.recoveryId()).isEqualTo("8c8572e989be53d493ed9546be20f9a554301478161c71c1b2ab7175e64a503a5cb6dbf62465a071fb40f916efa8d290adbcaf7efb3fddbaf9d6b784b6cfb44d/1");
    assertThat(out.outputs().get(ParticipantId.of(2))).isEqualTo(Optional.empty());
  }
}
