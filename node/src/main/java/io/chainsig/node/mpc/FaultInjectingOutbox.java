package io.chainsig.node.mpc;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SessionId;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of a node with fault injection on ({@link FaultInjection#wrap}): protocol messages of
 * the mode's protocol and round leave with wrong values, everything else as it is. Each wrong
 * message is logged (no secret values, only where it went).
 */
final class FaultInjectingOutbox implements MeshOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjectingOutbox.class);

  private final FaultInjection mode;
  private final MeshOutbox out;

  FaultInjectingOutbox(FaultInjection mode, MeshOutbox out) {
    this.mode = mode;
    this.out = out;
  }

  @Override
  public boolean send(ParticipantId to, SessionId session, byte[] payload) {
    if (payload.length == 0 || payload[0] != SessionMessage.PROTOCOL) {
      return out.send(to, session, payload);
    }
    Optional<byte[]> wrong = mode.corrupt(SessionMessage.decode(payload).body());
    if (wrong.isEmpty()) {
      return out.send(to, session, payload);
    }
    LOG.warn("fault injection ({}): sending a wrong {} message to participant {} in session {}",
        mode, mode, to, session.toHex().substring(0, 12));
    return out.send(to, session, new SessionMessage(SessionMessage.PROTOCOL, wrong.get()).encode());
  }

  @Override
  public Set<ParticipantId> reachable() {
    return out.reachable();
  }
}
