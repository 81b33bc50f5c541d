package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.keygen.KeyShare;
import org.junit.jupiter.api.Test;

/** Driving one party by hand, as a node would. */
class ProtocolApiTest {
  private static final ParticipantId P1 = ParticipantId.of(1);
  private static final ParticipantId P2 = ParticipantId.of(2);

  @Test
  void aPartyAnnouncesItsSendsThenWaits() throws ProtocolAbortException {
    Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>> p =
        Simulations.keygenParties(ParticipantSet.ofRange(3), 1, 1).get(P1);
    assertThat(p.poke()).isInstanceOf(Action.SendMany.class);
    assertThat(p.poke()).isInstanceOf(Action.Wait.class);
    assertThat(p.poke()).isInstanceOf(Action.Wait.class);
  }

  @Test
  void messagesFromStrangersAndFromItselfAreIgnored() throws ProtocolAbortException {
    Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>> p =
        Simulations.keygenParties(ParticipantSet.ofRange(3), 1, 2).get(P1);
    p.poke();
    p.message(ParticipantId.of(9), new byte[] {1, 2, 3});
    p.message(P1, new byte[] {1, 2, 3});
    p.message(null, new byte[] {1});
    assertThat(p.poke()).isInstanceOf(Action.Wait.class);
  }

  @Test
  void anAbortIsStickyAndBlamesTheSender() throws ProtocolAbortException {
    Protocol<KeyShare<Secp256k1Scalar, Secp256k1Point>> p =
        Simulations.keygenParties(ParticipantSet.ofRange(3), 1, 3).get(P1);
    p.poke();
    p.message(P2, new byte[0]);
    ProtocolAbortException first = null;
    try {
      p.poke();
    } catch (ProtocolAbortException e) {
      first = e;
    }
    assertThat(first).isNotNull();
    assertThat(first.culprit()).contains(P2);
    ProtocolAbortException sticky = first;
    assertThatThrownBy(p::poke).isSameAs(sticky);
  }
}
