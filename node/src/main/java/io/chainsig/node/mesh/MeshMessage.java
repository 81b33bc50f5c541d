package io.chainsig.node.mesh;

import io.chainsig.crypto.encoding.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * One message on the mesh: the session it belongs to and its payload. On the wire (inside one
 * length-delimited frame): {@code version (1) | session id length (1) | session id | payload}.
 *
 * @param sessionId the session (protocol run) the message belongs to, 1 to {@value #MAX_SESSION_ID} bytes
 * @param payload the protocol's bytes
 */
public record MeshMessage(byte[] sessionId, byte[] payload) {
  /** The wire format version this code writes and accepts. */
  public static final byte VERSION = 1;

  /** Longest session id: a 32-byte hash plus room for a prefix. */
  public static final int MAX_SESSION_ID = 64;

  /**
   * Largest frame accepted from a peer. The largest protocol messages (key generation commitments
   * for tens of participants) are a few kilobytes; 1 MiB bounds what a faulty peer can make us
   * buffer.
   */
  public static final int MAX_FRAME_BYTES = 1 << 20;

  /** Validates and copies. */
  public MeshMessage {
    if (sessionId == null || sessionId.length == 0 || sessionId.length > MAX_SESSION_ID) {
      throw new IllegalArgumentException("session id must be 1 to " + MAX_SESSION_ID + " bytes");
    }
    if (payload == null) {
      throw new IllegalArgumentException("payload is missing");
    }
    if (2 + sessionId.length + payload.length > MAX_FRAME_BYTES) {
      throw new IllegalArgumentException("message exceeds the " + MAX_FRAME_BYTES + "-byte frame cap");
    }
    sessionId = sessionId.clone();
    payload = payload.clone();
  }

  @Override
  public byte[] sessionId() {
    return sessionId.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The frame body. */
  public byte[] encode() {
    byte[] body = new byte[bodyLength()];
    writeBody(Unpooled.wrappedBuffer(body).clear());
    return body;
  }

  /** Bytes of the whole frame: the 4-byte length and the body. */
  int frameLength() {
    return 4 + bodyLength();
  }

  /** Appends the whole frame (4-byte big-endian length, then the body) to {@code out}. */
  void writeFrame(ByteBuf out) {
    out.writeInt(bodyLength());
    writeBody(out);
  }

  private int bodyLength() {
    return 2 + sessionId.length + payload.length;
  }

  private void writeBody(ByteBuf out) {
    out.writeByte(VERSION).writeByte(sessionId.length).writeBytes(sessionId).writeBytes(payload);
  }

  /**
   * Parses a frame body.
   *
   * @throws MalformedFrameException saying what is wrong
   */
  public static MeshMessage decode(byte[] frame) {
    if (frame.length < 2) {
      throw new MalformedFrameException("frame of " + frame.length + " bytes is shorter than its header");
    }
    if (frame[0] != VERSION) {
      throw new MalformedFrameException("unsupported frame version " + (frame[0] & 0xff));
    }
    int sidLen = frame[1] & 0xff;
    if (sidLen == 0 || sidLen > MAX_SESSION_ID) {
      throw new MalformedFrameException("session id length " + sidLen + " out of range");
    }
    if (frame.length < 2 + sidLen) {
      throw new MalformedFrameException("frame truncated inside the session id");
    }
    return new MeshMessage(
        Arrays.copyOfRange(frame, 2, 2 + sidLen), Arrays.copyOfRange(frame, 2 + sidLen, frame.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeshMessage m
        && Arrays.equals(sessionId, m.sessionId)
        && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(sessionId) + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "MeshMessage[session=" + Hex.encode(sessionId) + ", " + payload.length + " bytes]";
  }
}
