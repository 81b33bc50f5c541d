package io.chainsig.tss.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.SessionId;
import org.junit.jupiter.api.Test;

class SchnorrProofTest {
  private static final Secp256k1Group G = Secp256k1Group.INSTANCE;

  @Test
  void aProofIsBoundToItsSessionAndProver() {
    Secp256k1Scalar secret = Secp256k1Scalar.of(123456);
    Secp256k1Point pub = secret.timesGenerator();
    SessionId s1 = SessionId.fromLabel("one");
    ParticipantId p1 = ParticipantId.of(1);
    SchnorrProof<Secp256k1Scalar, Secp256k1Point> proof =
        SchnorrProof.prove(G, s1, p1, secret, pub, new SeededRandom(1));
    assertThat(proof.verify(G, s1, p1, pub)).isTrue();
    assertThat(proof.verify(G, SessionId.fromLabel("two"), p1, pub)).isFalse();
    assertThat(proof.verify(G, s1, ParticipantId.of(2), pub)).isFalse();
    assertThat(proof.verify(G, s1, p1, pub.add(Secp256k1Point.GENERATOR))).isFalse();
  }
}
