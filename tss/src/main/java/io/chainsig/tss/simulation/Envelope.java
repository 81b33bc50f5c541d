package io.chainsig.tss.simulation;

import io.chainsig.tss.ParticipantId;

/**
 * One message in flight on the simulated network.
 *
 * @param from the sender
 * @param to the recipient
 * @param bytes the encoded message
 * @param broadcast true if it is one copy of a {@code SendMany}
 */
public record Envelope(ParticipantId from, ParticipantId to, byte[] bytes, boolean broadcast) {
  /** The same envelope with other bytes. */
  public Envelope withBytes(byte[] newBytes) {
    return new Envelope(from, to, newBytes, broadcast);
  }
}
