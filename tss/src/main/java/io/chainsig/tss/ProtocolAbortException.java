package io.chainsig.tss;

import java.util.List;
import java.util.Optional;

/**
 * A protocol run stopped because a check failed or a peer sent something unusable.
 *
 * <p>{@link #blamed()} lists the participants the failed check points at, and {@link #proven()}
 * says how strongly:
 *
 * <ul>
 *   <li>proven, one participant: the check proves that this participant misbehaved (a malformed
 *       message, a share that does not match its commitment, an invalid proof); {@link
 *       #culprit()} returns it;
 *   <li>not proven, one or more participants: suspects. For conflicting copies of a broadcast at
 *       least one of the two named parties lied; for an inconsistent vector of nonce points the
 *       named party is the only single party whose removal explains the failure, which a
 *       coalition of colluding parties could fake to frame an honest one;
 *   <li>empty: the check cannot tell who misbehaved.
 * </ul>
 */
public final class ProtocolAbortException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ParticipantId> blamed;
  private final boolean proven;

  private ProtocolAbortException(String message, List<ParticipantId> blamed, boolean proven) {
    super(message + (blamed.isEmpty() ? "" : (proven ? " (blamed: " : " (suspected: ") + blamed + ")"));
    this.blamed = List.copyOf(blamed);
    this.proven = proven;
  }

  /** An abort whose check proves that {@code culprit} misbehaved. */
  public static ProtocolAbortException blaming(ParticipantId culprit, String message) {
    return new ProtocolAbortException(message, List.of(culprit), true);
  }

  /** An abort whose check points at suspects without proving which of them misbehaved. */
  public static ProtocolAbortException suspecting(List<ParticipantId> suspects, String message) {
    return new ProtocolAbortException(message, suspects, false);
  }

  /** An abort whose check cannot tell who misbehaved. */
  public static ProtocolAbortException unattributed(String message) {
    return new ProtocolAbortException(message, List.of(), false);
  }

  /** An abort caused by an unexpected failure inside this party (a bug), blaming nobody. */
  public static ProtocolAbortException internal(Throwable cause) {
    ProtocolAbortException e =
        new ProtocolAbortException("internal error: " + cause, List.of(), false);
    e.initCause(cause);
    return e;
  }

  /** The participants the failed check points at; empty when it cannot tell. */
  public List<ParticipantId> blamed() {
    return blamed;
  }

  /** True if the check proves that the single blamed participant misbehaved. */
  public boolean proven() {
    return proven;
  }

  /** The participant proven to have misbehaved, if the check proves one. */
  public Optional<ParticipantId> culprit() {
    return proven ? Optional.of(blamed.get(0)) : Optional.empty();
  }
}
