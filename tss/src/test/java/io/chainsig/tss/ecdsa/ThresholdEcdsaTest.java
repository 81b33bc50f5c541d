package io.chainsig.tss.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.tss.EcdsaSimulations;
import io.chainsig.tss.IndependentVerifier;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.Simulations;
import io.chainsig.tss.keygen.KeyShare;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdEcdsaTest {
  static Stream<Arguments> sizes() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {3, 5, 7, 9, 13}) {
      for (int t = 0; 2 * t + 1 <= n; t++) {
        out.add(Arguments.of(n, t));
      }
    }
    return out.stream();
  }

  static DerivationTweak tweak(String path) {
    return DerivationTweak.of(NearAccountId.of("alice.near"), path);
  }

  static SignRequest request(String message, DerivationTweak tweak) {
    return SignRequest.of(
        Hashes.keccak256(message.getBytes(StandardCharsets.UTF_8)),
        tweak.secp256k1Scalar(),
        Hashes.sha256(("block random " + message).getBytes(StandardCharsets.UTF_8)));
  }

  static Secp256k1Point childKey(Secp256k1Point root, DerivationTweak tweak) {
    return KeyDerivation.deriveSecp256k1(new Secp256k1PublicKey(root), tweak).point();
  }

  @ParameterizedTest(name = "N={0} t={1}")
  @MethodSource("sizes")
  void signaturesVerifyUnderTheDerivedKeyWithAnIndependentLibrary(int n, int t) {
    long seed = 1000L * n + t;
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares =
        Simulations.keygen(n, t, seed);
    Secp256k1Point root = shares.values().iterator().next().publicKey();
    for (int round = 0; round < 2; round++) {
      ParticipantSet signers =
          EcdsaSimulations.pickSigners(ParticipantSet.ofRange(n), t, seed + round);
      Map<ParticipantId, Presignature> presigs =
          EcdsaSimulations.presign(shares, signers, seed + round);
      assertThat(presigs.values().stream().map(Presignature::id).distinct()).hasSize(1);
      assertThat(presigs.values().stream().map(Presignature::bigR).distinct()).hasSize(1);
      DerivationTweak tweak = tweak("ethereum-" + round);
      SignRequest req = request("transfer " + n + "/" + t + "/" + round, tweak);
      ParticipantId leader = signers.ids().get(round % signers.size());
      EcdsaSignature sig = EcdsaSimulations.sign(presigs, leader, req);
      Secp256k1Point child = childKey(root, tweak);
      assertThat(sig.verifies(req.h(), child)).isTrue();
      IndependentVerifier.assertRecovers(sig, req.messageHash(), child);
      assertThat(presigs.values()).allMatch(Presignature::isUsed);
    }
  }

  @Test
  void presignAndSignSurviveReorderedAndDelayedDelivery() {
    var shares = Simulations.keygen(7, 3, 35);
    ParticipantSet signers = ParticipantSet.ofRange(7);
    for (long seed = 1; seed <= 3; seed++) {
      ParticipantId slow = ParticipantId.of((int) seed);
      var network =
          io.chainsig.tss.simulation.InMemoryNetwork.builder()
              .reorder(seed)
              .delay(e -> e.from().equals(slow))
              .build();
      var presign = network.run(EcdsaSimulations.presignParties(shares, signers, 35 + seed));
      assertThat(presign.allFinished()).isTrue();
      DerivationTweak tweak = tweak("bitcoin-" + seed);
      SignRequest req = request("reordered " + seed, tweak);
      var sign = network.run(EcdsaSimulations.signParties(presign.outputs(), ParticipantId.of(4), req));
      assertThat(sign.allFinished()).isTrue();
      EcdsaSignature sig = sign.output(ParticipantId.of(4)).orElseThrow();
      IndependentVerifier.assertRecovers(
          sig, req.messageHash(), childKey(shares.get(slow).publicKey(), tweak));
    }
  }

  @Test
  void aPresignatureCannotBeUsedTwice() {
    var shares = Simulations.keygen(3, 1, 31);
    ParticipantSet signers = ParticipantSet.ofRange(3);
    var presigs = EcdsaSimulations.presign(shares, signers, 31);
    SignRequest req = request("once", tweak("p"));
    EcdsaSimulations.sign(presigs, ParticipantId.of(1), req);
    Presignature p1 = presigs.get(ParticipantId.of(1));
    assertThatThrownBy(
            () -> Sign.start(SessionId.fromLabel("again"), p1, signers, ParticipantId.of(1), req))
        .isInstanceOf(PresignatureReusedException.class);
  }

  @Test
  void aWrongSignerSetIsRejectedWithoutSpendingThePresignature() {
    var shares = Simulations.keygen(5, 1, 32);
    ParticipantSet signers = ParticipantSet.ofIds(1, 2, 3);
    var presigs = EcdsaSimulations.presign(shares, signers, 32);
    Presignature p1 = presigs.get(ParticipantId.of(1));
    SignRequest req = request("wrong set", tweak("p"));
    assertThatThrownBy(
            () -> Sign.start(SessionId.fromLabel("s"), p1, ParticipantSet.ofIds(1, 2, 4),
                ParticipantId.of(1), req))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(
            () -> Sign.start(SessionId.fromLabel("s"), p1, signers, ParticipantId.of(5), req))
        .isInstanceOf(ProtocolSetupException.class);
    assertThat(p1.isUsed()).isFalse();
  }

  @Test
  void presignNeedsExactlyTwoTPlusOneKeyHolders() {
    var shares = Simulations.keygen(5, 2, 33);
    var share = shares.get(ParticipantId.of(1));
    SessionId s = SessionId.fromLabel("p");
    var rnd = new io.chainsig.tss.SeededRandom(1);
    assertThatThrownBy(() -> Presign.start(s, share, ParticipantSet.ofIds(1, 2, 3, 4), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> Presign.start(s, share, ParticipantSet.ofIds(1, 2, 3, 4, 6), rnd))
        .isInstanceOf(ProtocolSetupException.class);
    assertThatThrownBy(() -> Presign.start(s, share, ParticipantSet.ofIds(2, 3, 4, 5, 1).without(ParticipantId.of(1)), rnd))
        .isInstanceOf(ProtocolSetupException.class);
  }

  @Test
  void aStoredPresignatureSignsAfterRestoringButAUsedOneCannotBeStored() {
    var shares = Simulations.keygen(3, 1, 36);
    ParticipantSet signers = ParticipantSet.ofRange(3);
    var presigs = EcdsaSimulations.presign(shares, signers, 36);
    Map<ParticipantId, Presignature> restored = new java.util.HashMap<>();
    presigs.forEach((p, pre) -> {
      byte[] stored = pre.toStorageBytes();
      assertThat(stored).hasSize(1 + 32 + 4 + 4 + 3 * 4 + 65 + 65 + 4 * 32);
      restored.put(p, Presignature.fromStorageBytes(stored));
    });
    SignRequest req = request("stored", tweak("p"));
    EcdsaSignature sig = EcdsaSimulations.sign(restored, ParticipantId.of(3), req);
    IndependentVerifier.assertRecovers(
        sig, req.messageHash(), childKey(shares.get(ParticipantId.of(1)).publicKey(), tweak("p")));
    Presignature used = restored.get(ParticipantId.of(1));
    assertThatThrownBy(used::toStorageBytes).isInstanceOf(PresignatureReusedException.class);
    byte[] stored = presigs.get(ParticipantId.of(1)).toStorageBytes();
    assertThatThrownBy(() -> Presignature.fromStorageBytes(java.util.Arrays.copyOf(stored, stored.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Presignature.fromStorageBytes(stored).toString()).contains("<redacted>");
  }

  @Test
  void zeroHashIsRefused() {
    assertThatThrownBy(() -> SignRequest.of(new byte[32], Secp256k1Scalar.ONE, new byte[32]))
        .isInstanceOf(ProtocolSetupException.class);
  }

  @Test
  void presignaturesAndRequestsPrintNoSecrets() {
    var shares = Simulations.keygen(3, 1, 34);
    var presigs = EcdsaSimulations.presign(shares, ParticipantSet.ofRange(3), 34);
    assertThat(presigs.get(ParticipantId.of(1)).toString()).contains("<redacted>");
  }
}
