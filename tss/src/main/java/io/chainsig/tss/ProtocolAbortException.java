package io.chainsig.tss;

import java.util.List;
import java.util.Optional;

/**
 * A protocol run stopped because a check failed or a peer sent something unusable. {@link
 * #blamed()} lists the participants the failed check points at: one participant when the check
 * proves who misbehaved, two when it narrows it to one of two (e.g. conflicting copies of a
 * broadcast, where either the sender or the echoing party lied), none when the protocol cannot
 * tell.
 */
public final class ProtocolAbortException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ParticipantId> blamed;

  /** An abort that blames the given participants (possibly none). */
  public ProtocolAbortException(String message, List<ParticipantId> blamed) {
    super(message + (blamed.isEmpty() ? "" : " (blamed: " + blamed + ")"));
    this.blamed = List.copyOf(blamed);
  }

  /** An abort that blames the given participants, with the failure that caused it. */
  public ProtocolAbortException(String message, List<ParticipantId> blamed, Throwable cause) {
    this(message, blamed);
    initCause(cause);
  }

  /** An abort that blames one participant. */
  public static ProtocolAbortException blaming(ParticipantId culprit, String message) {
    return new ProtocolAbortException(message, List.of(culprit));
  }

  /** An abort whose check cannot tell who misbehaved. */
  public static ProtocolAbortException unattributed(String message) {
    return new ProtocolAbortException(message, List.of());
  }

  /** The participants the failed check points at; empty when it cannot tell. */
  public List<ParticipantId> blamed() {
    return blamed;
  }

  /** The single participant to blame, if the check proves exactly one. */
  public Optional<ParticipantId> culprit() {
    return blamed.size() == 1 ? Optional.of(blamed.get(0)) : Optional.empty();
  }
}
