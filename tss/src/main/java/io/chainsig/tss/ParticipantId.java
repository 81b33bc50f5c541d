package io.chainsig.tss;

/**
 * The identity of a protocol participant: a positive integer, which is also the x coordinate at
 * which the participant's Shamir share is evaluated (so it must never be zero).
 *
 * @param value the id, at least 1
 */
public record ParticipantId(int value) implements Comparable<ParticipantId> {
  /** Rejects zero and negative ids. */
  public ParticipantId {
    if (value <= 0) {
      throw new ProtocolSetupException("participant id must be positive, got " + value);
    }
  }

  /** Shorthand for {@code new ParticipantId(value)}. */
  public static ParticipantId of(int value) {
    return new ParticipantId(value);
  }

  @Override
  public int compareTo(ParticipantId o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public String toString() {
    return "P" + value;
  }
}
