package io.chainsig.node.mpc;

import io.chainsig.tss.Action;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Drives one sans-IO protocol instance over a {@link MeshOutbox}: pokes until it waits, sends what
 * it asks, feeds it messages, and reports the output or the abort once.
 *
 * @param <T> the protocol's output
 */
final class ProtocolRun<T> {
  final SessionId session;
  final String kind;
  final ParticipantId me;
  final ParticipantSet participants;
  final long deadlineNanos;
  private final Protocol<T> protocol;
  private final Consumer<T> onOutput;
  private final Consumer<ProtocolAbortException> onAbort;
  private boolean finished;

  ProtocolRun(
      SessionId session,
      String kind,
      ParticipantId me,
      ParticipantSet participants,
      Protocol<T> protocol,
      long deadlineNanos,
      Consumer<T> onOutput,
      Consumer<ProtocolAbortException> onAbort) {
    this.session = session;
    this.kind = kind;
    this.me = me;
    this.participants = participants;
    this.protocol = protocol;
    this.deadlineNanos = deadlineNanos;
    this.onOutput = onOutput;
    this.onAbort = onAbort;
  }

  boolean finished() {
    return finished;
  }

  void deliver(ParticipantId from, byte[] bytes, MeshOutbox out) {
    if (finished) {
      return;
    }
    protocol.message(from, bytes);
    drive(out);
  }

  void drive(MeshOutbox out) {
    while (!finished) {
      Action<T> action;
      try {
        action = protocol.poke();
      } catch (ProtocolAbortException e) {
        finished = true;
        onAbort.accept(e);
        return;
      }
      switch (action) {
        case Action.Wait<T> w -> {
          return;
        }
        case Action.SendMany<T> m -> {
          byte[] payload = new SessionMessage(SessionMessage.PROTOCOL, m.bytes()).encode();
          for (ParticipantId p : participants.others(me)) {
            out.send(p, session, payload);
          }
        }
        case Action.SendPrivate<T> p ->
            out.send(p.to(), session, new SessionMessage(SessionMessage.PROTOCOL, p.bytes()).encode());
        case Action.Return<T> r -> {
          finished = true;
          onOutput.accept(r.output());
        }
      }
    }
  }

  void timeOut() {
    if (!finished) {
      finished = true;
      ProtocolAbortException e = ProtocolAbortException.unattributed(kind + " session timed out");
      e.initCause(new TimeoutException(kind + " session " + session.toHex() + " did not finish in time"));
      onAbort.accept(e);
    }
  }

  /**
   * True if {@code e} is this class's time-out (or stop) of a run rather than a failed check: it
   * says nothing about who sent what, so docs/node.md step 12 does not count it.
   */
  static boolean isTimeout(ProtocolAbortException e) {
    return e.getCause() instanceof TimeoutException;
  }
}
