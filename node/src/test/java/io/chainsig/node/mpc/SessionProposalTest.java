package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The presign proposal's batch size: encoded, bound into the session id, validated when decoded. */
class SessionProposalTest {
  private static final ParticipantSet SIGNERS = ParticipantSet.ofIds(1, 2, 4);

  private static SessionProposal.Presign presign(int count) {
    byte[] nonce = new byte[16];
    Arrays.fill(nonce, (byte) 7);
    return new SessionProposal.Presign(ParticipantId.of(2), SIGNERS, 3, nonce, count);
  }

  @Test
  void aPresignProposalCarriesItsCount() {
    for (int count : new int[] {1, 8, 16}) {
      SessionProposal.Presign p = presign(count);
      SessionProposal back = SessionProposal.decode(p.encode());
      assertThat(back).isInstanceOfSatisfying(SessionProposal.Presign.class, q -> {
        assertThat(q.count()).isEqualTo(count);
        assertThat(q.epoch()).isEqualTo(3);
        assertThat(q.nonce()).isEqualTo(p.nonce());
        assertThat(q.participants()).isEqualTo(SIGNERS);
        assertThat(q.sessionId()).isEqualTo(p.sessionId());
      });
    }
    assertThat(presign(8).sessionId()).as("the count is part of the session id").isNotEqualTo(presign(7).sessionId());
  }

  @Test
  void aCountOutsideOneToSixteenIsRefused() {
    for (int count : new int[] {0, 17, 255}) {
      byte[] bytes = presign(1).encode();
      bytes[bytes.length - 1] = (byte) count;
      assertThatThrownBy(() -> SessionProposal.decode(bytes))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("presign count " + count + " is not in 1..16");
      assertThatThrownBy(() -> presign(count))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("presign count " + count + " is not in 1..16");
    }
    byte[] withoutCount = Arrays.copyOf(presign(1).encode(), presign(1).encode().length - 1);
    assertThatThrownBy(() -> SessionProposal.decode(withoutCount))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("proposal is truncated");
  }
}
