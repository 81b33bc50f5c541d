package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdTypesTest {
  @Test
  void theTwoThresholdsConvertButAreDifferentTypes() {
    MaxMalicious t = new MaxMalicious(3);
    assertThat(t.reconstruction()).isEqualTo(new ReconstructionThreshold(4));
    assertThat(t.reconstruction().maxMalicious()).isEqualTo(t);
    assertThat(t.honestMajoritySigners()).isEqualTo(7);
    assertThat((Object) t).isNotEqualTo(new ReconstructionThreshold(3));
    assertThatThrownBy(() -> new ReconstructionThreshold(0)).isInstanceOf(ProtocolSetupException.class);
  }

  @Test
  void participantSetsAreSortedAndEncodedCanonically() {
    ParticipantSet s = ParticipantSet.ofIds(9, 2, 5);
    assertThat(s.ids()).containsExactly(ParticipantId.of(2), ParticipantId.of(5), ParticipantId.of(9));
    assertThat(s).isEqualTo(ParticipantSet.ofIds(2, 5, 9));
    assertThat(io.chainsig.crypto.encoding.Hex.encode(s.encode()))
        .isEqualTo("00000003" + "00000002" + "00000005" + "00000009");
  }

  @Test
  void sessionIdsHaveExactlyThirtyTwoBytes() {
    assertThatThrownBy(() -> SessionId.of(new byte[31])).isInstanceOf(ProtocolSetupException.class);
    assertThat(SessionId.of(new byte[32]).bytes()).hasSize(32);
  }
}
