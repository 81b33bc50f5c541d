package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.keygen.KeyGeneration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a run ends: a time-out is told apart from a failed check (docs/node.md step 12 counts only the latter). */
class ProtocolRunTest {
  private final List<ProtocolAbortException> aborts = new ArrayList<>();
  private final MeshOutbox wire = new MeshOutbox() {
    @Override
    public boolean send(ParticipantId to, SessionId session, byte[] payload) {
      return true;
    }

    @Override
    public Set<ParticipantId> reachable() {
      return Set.of();
    }
  };

  private ProtocolRun<?> keygenRun() {
    SessionId session = SessionId.fromLabel("protocol run test");
    ParticipantSet all = ParticipantSet.ofRange(3);
    ProtocolRun<?> run = new ProtocolRun<>(session, "keygen", ParticipantId.of(1), all,
        KeyGeneration.start(Secp256k1Group.INSTANCE, session, all, ParticipantId.of(1), new MaxMalicious(1), new SecureRandom()),
        0, out -> { }, aborts::add);
    run.drive(wire);
    return run;
  }

  @Test
  void aTimeOutIsATimeOut() {
    ProtocolRun<?> run = keygenRun();
    run.timeOut();
    run.timeOut();
    assertThat(run.finished()).isTrue();
    assertThat(aborts).hasSize(1);
    assertThat(ProtocolRun.isTimeout(aborts.get(0))).isTrue();
    assertThat(aborts.get(0).blamed()).isEmpty();
  }

  @Test
  void aFailedCheckIsNot() {
    ProtocolRun<?> run = keygenRun();
    run.deliver(ParticipantId.of(2), new byte[] {1, 2, 3}, wire);
    assertThat(aborts).hasSize(1);
    assertThat(ProtocolRun.isTimeout(aborts.get(0))).isFalse();
    assertThat(aborts.get(0).culprit()).contains(ParticipantId.of(2));
    assertThat(ProtocolRun.isTimeout(ProtocolAbortException.unattributed("keygen session timed out"))).isFalse();
  }
}
