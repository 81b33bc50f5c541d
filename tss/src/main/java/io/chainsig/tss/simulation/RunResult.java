package io.chainsig.tss.simulation;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ProtocolAbortException;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a simulated run: which parties returned what, which aborted and why, which were
 * still waiting when the network ran dry (e.g. because messages were dropped), and the bytes each
 * party put on the wire (a broadcast counts once per recipient).
 *
 * @param <T> the protocol output type
 * @param outputs outputs of the parties that finished
 * @param aborts aborts of the parties that stopped
 * @param stalled parties still waiting for messages
 * @param bytesSent bytes sent by each party
 * @param messagesSent messages sent by each party
 */
public record RunResult<T>(
    Map<ParticipantId, T> outputs,
    Map<ParticipantId, ProtocolAbortException> aborts,
    Set<ParticipantId> stalled,
    Map<ParticipantId, Long> bytesSent,
    Map<ParticipantId, Long> messagesSent) {
  /** Copies the maps. */
  public RunResult {
    outputs = Map.copyOf(outputs);
    aborts = Map.copyOf(aborts);
    stalled = Set.copyOf(stalled);
    bytesSent = Map.copyOf(bytesSent);
    messagesSent = Map.copyOf(messagesSent);
  }

  /** True if every party returned an output. */
  public boolean allFinished() {
    return aborts.isEmpty() && stalled.isEmpty();
  }

  /** The output of {@code p}; fails if it did not finish. */
  public T output(ParticipantId p) {
    T out = outputs.get(p);
    if (out == null && !outputs.containsKey(p)) {
      throw new IllegalStateException(p + " did not finish: " + aborts.get(p));
    }
    return out;
  }
}
