package io.chainsig.node.mpc;

import java.util.Arrays;

/**
 * The payload of a mesh message: {@code kind (1) | body}. A proposal opens a session at the
 * other participants; protocol messages belong to an open session.
 *
 * @param kind {@link #PROPOSAL} or {@link #PROTOCOL}
 * @param body the proposal or protocol bytes
 */
public record SessionMessage(byte kind, byte[] body) {
  /** A {@link SessionProposal}. */
  public static final byte PROPOSAL = 1;

  /** A message of the session's protocol. */
  public static final byte PROTOCOL = 2;

  /** Validates and copies. */
  public SessionMessage {
    if (kind != PROPOSAL && kind != PROTOCOL) {
      throw new IllegalArgumentException("unknown session message kind " + kind);
    }
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The wire bytes. */
  public byte[] encode() {
    byte[] out = new byte[1 + body.length];
    out[0] = kind;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /**
   * Parses wire bytes.
   *
   * @throws IllegalArgumentException if empty or of an unknown kind
   */
  public static SessionMessage decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty session message");
    }
    return new SessionMessage(bytes[0], Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionMessage m && kind == m.kind && Arrays.equals(body, m.body);
  }

  @Override
  public int hashCode() {
    return 31 * kind + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "SessionMessage[kind=" + kind + ", " + body.length + " bytes]";
  }
}
