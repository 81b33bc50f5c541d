package io.chainsig.tss.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.EcdsaSimulations;
import io.chainsig.tss.IndependentVerifier;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Simulations;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.keygen.KeyShareEncoding;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key shares and presignatures survive the storage encoding and still sign. */
class StorageEncodingTest {
  @Test
  void storedSharesAndPresignaturesStillSign() {
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares = Simulations.keygen(5, 2, 41);
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> reloaded = new LinkedHashMap<>();
    shares.forEach((p, s) -> {
      KeyShare<Secp256k1Scalar, Secp256k1Point> back = KeyShareEncoding.decode(Secp256k1Group.INSTANCE, KeyShareEncoding.encode(Secp256k1Group.INSTANCE, s));
      assertThat(back.owner()).isEqualTo(s.owner());
      assertThat(back.secretShare()).isEqualTo(s.secretShare());
      assertThat(back.publicShares()).isEqualTo(s.publicShares());
      reloaded.put(p, back);
    });
    ParticipantSet signers = ParticipantSet.ofIds(1, 2, 3, 4, 5);
    Map<ParticipantId, Presignature> presigs = EcdsaSimulations.presign(reloaded, signers, 42);
    Map<ParticipantId, Presignature> stored = new LinkedHashMap<>();
    presigs.forEach((p, pre) -> stored.put(p, Presignature.fromStorageBytes(pre.toStorageBytes())));
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 7);
    Secp256k1Scalar eps = Secp256k1Scalar.of(12345);
    SignRequest req = SignRequest.of(hash, eps, new byte[32]);
    EcdsaSignature sig = EcdsaSimulations.sign(stored, ParticipantId.of(3), req);
    Secp256k1Point expected = shares.get(ParticipantId.of(1)).publicKey().add(eps.timesGenerator());
    IndependentVerifier.assertRecovers(sig, hash, expected);
  }

  @Test
  void versionOneWithCompressedPointsIsStillRead() {
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares = Simulations.keygen(3, 1, 45);
    Map<ParticipantId, Presignature> presigs = EcdsaSimulations.presign(shares, ParticipantSet.ofIds(1, 2, 3), 46);
    Map<ParticipantId, Presignature> restored = new LinkedHashMap<>();
    presigs.forEach((p, pre) -> {
      byte[] v2 = pre.toStorageBytes();
      assertThat(v2[0]).isEqualTo((byte) 2);
      restored.put(p, Presignature.fromStorageBytes(asVersionOne(v2)));
    });
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 9);
    SignRequest req = SignRequest.of(hash, Secp256k1Scalar.of(7), new byte[32]);
    EcdsaSignature sig = EcdsaSimulations.sign(restored, ParticipantId.of(2), req);
    IndependentVerifier.assertRecovers(sig, hash,
        shares.get(ParticipantId.of(1)).publicKey().add(Secp256k1Scalar.of(7).timesGenerator()));
  }

  /** The same presignature in the version-1 layout: both points compressed to 33 bytes. */
  private static byte[] asVersionOne(byte[] v2) {
    int signers = java.nio.ByteBuffer.wrap(v2, 37, 4).getInt();
    int points = 41 + 4 * signers;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(1);
    out.write(v2, 1, points - 1);
    out.writeBytes(Secp256k1Point.fromSec1(Arrays.copyOfRange(v2, points, points + 65)).toCompressed());
    out.writeBytes(Secp256k1Point.fromSec1(Arrays.copyOfRange(v2, points + 65, points + 130)).toCompressed());
    out.write(v2, points + 130, v2.length - points - 130);
    return out.toByteArray();
  }

  @Test
  void usedPresignaturesCannotBeStoredAndGarbageIsRejected() {
    Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares = Simulations.keygen(3, 1, 43);
    Map<ParticipantId, Presignature> presigs = EcdsaSimulations.presign(shares, ParticipantSet.ofIds(1, 2, 3), 44);
    byte[] good = presigs.get(ParticipantId.of(1)).toStorageBytes();
    EcdsaSimulations.sign(presigs, ParticipantId.of(1), SignRequest.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, Secp256k1Scalar.ONE, new byte[32]));
    assertThatThrownBy(() -> presigs.get(ParticipantId.of(1)).toStorageBytes())
        .isInstanceOf(PresignatureReusedException.class);
    assertThatThrownBy(() -> Presignature.fromStorageBytes(Arrays.copyOf(good, good.length - 1))).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Presignature.fromStorageBytes(Arrays.copyOf(good, good.length + 1))).hasMessageContaining("trailing");
    byte[] v3 = good.clone();
    v3[0] = 3;
    assertThatThrownBy(() -> Presignature.fromStorageBytes(v3)).hasMessageContaining("version");
    byte[] v1Length = good.clone();
    v1Length[0] = 1; // version 1 says 33-byte points; these are 65 bytes
    assertThatThrownBy(() -> Presignature.fromStorageBytes(v1Length)).isInstanceOf(IllegalArgumentException.class);
    byte[] share = KeyShareEncoding.encode(Secp256k1Group.INSTANCE, shares.get(ParticipantId.of(1)));
    assertThatThrownBy(() -> KeyShareEncoding.decode(Secp256k1Group.INSTANCE, Arrays.copyOf(share, 20)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
