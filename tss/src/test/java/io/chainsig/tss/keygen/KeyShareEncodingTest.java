package io.chainsig.tss.keygen;

import static io.chainsig.tss.Simulations.SECP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.group.Ed25519Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.Simulations;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyShareEncodingTest {
  @Test
  void roundTripsAndRejectsDamage() {
    var share = Simulations.keygen(3, 1, 61).get(ParticipantId.of(2));
    byte[] bytes = KeyShareEncoding.encode(SECP, share);
    // version, name, owner, t, participants (4 + 3*4), X, 3 verification shares, x_i
    assertThat(bytes).hasSize(1 + 1 + 9 + 4 + 4 + 16 + 33 + 3 * 33 + 32);
    assertThat(KeyShareEncoding.decode(SECP, bytes)).isEqualTo(share);
    assertThatThrownBy(() -> KeyShareEncoding.decode(SECP, Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] wrongSecret = bytes.clone();
    wrongSecret[wrongSecret.length - 1] ^= 1;
    assertThatThrownBy(() -> KeyShareEncoding.decode(SECP, wrongSecret))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyShareEncoding.decode(Ed25519Group.INSTANCE, bytes))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
