package io.chainsig.tss;

import io.chainsig.tss.internal.MessageCodec;
import io.chainsig.tss.internal.TaggedHash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The frames of one batch run: several runs of one protocol in lockstep ({@code
 * docs/protocols/presign.md}, "Batching"). A frame holds, for each run of the batch in order, the
 * messages that run sends to one recipient in one step. Run {@code i} has its own session id,
 * {@link #subSession}, derived from the batch's; a frame leaves it out of every message and the
 * receiver puts it back, so a message costs its 3-byte header prefix and its payload.
 *
 * <pre>
 * offset 0   version      1 byte, MessageCodec.VERSION
 * offset 1   protocol     1 byte, MessageCodec.PROTOCOL_BATCH
 * offset 2   count        1 byte, runs in the batch (1 to {@link #MAX_COUNT})
 * offset 3   session id   32 bytes, the batch's
 * then, for each run i in order:
 *            n_i          2 bytes, messages of run i in this frame
 *            n_i times:   length (2 bytes), then the message without its session id:
 *                         version, protocol, round (3 bytes), payload
 * </pre>
 *
 * Immutable.
 */
public final class BatchFrameCodec {
  /** Most runs in one batch. */
  public static final int MAX_COUNT = 64;

  /**
   * Largest frame accepted: room for every run's messages of one step (a presign step is well
   * under 200 bytes per run), and below the mesh's 1 MiB frame cap.
   */
  public static final int MAX_FRAME_BYTES = 512 * 1024;

  private static final String SUB_SESSION_LABEL = "chainsig/tss/batch/sub-session/v1";
  /** The part of a message's header that a frame keeps: version, protocol, round. */
  private static final int KEPT_HEADER = 3;

  private final SessionId session;
  private final byte[] sessionBytes;
  private final List<byte[]> subSessions;

  private BatchFrameCodec(SessionId session, int count) {
    this.session = session;
    this.sessionBytes = session.bytes();
    List<byte[]> subs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      subs.add(TaggedHash.of(SUB_SESSION_LABEL).add(sessionBytes).addInt(count).addInt(i).digest());
    }
    this.subSessions = List.copyOf(subs);
  }

  /**
   * The codec of the batch {@code session} of {@code count} runs.
   *
   * @throws IllegalArgumentException if {@code count} is not 1 to {@link #MAX_COUNT}
   */
  public static BatchFrameCodec of(SessionId session, int count) {
    Objects.requireNonNull(session, "session");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("a batch has 1 to " + MAX_COUNT + " runs, got " + count);
    }
    return new BatchFrameCodec(session, count);
  }

  /**
   * The codec of the batch a frame names in its header (for tools that look into frames).
   *
   * @throws IllegalArgumentException if the header is not a batch frame's
   */
  public static BatchFrameCodec ofFrame(byte[] frame) {
    String problem = headerProblem(frame);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new BatchFrameCodec(
        SessionId.of(Arrays.copyOfRange(frame, 3, MessageCodec.HEADER_LENGTH)), frame[2] & 0xFF);
  }

  /** The batch's session id. */
  public SessionId session() {
    return session;
  }

  /** Runs in the batch. */
  public int count() {
    return subSessions.size();
  }

  /**
   * The session id of run {@code index}: {@code SHA3-256("chainsig/tss/batch/sub-session/v1",
   * batch session, count, index)}, each part length-prefixed ({@code TaggedHash}).
   */
  public SessionId subSession(int index) {
    return SessionId.of(subSessions.get(index));
  }

  /**
   * One frame.
   *
   * @param messages for each run in order, its messages (each a full message whose header names
   *     that run's {@link #subSession})
   * @throws IllegalArgumentException if the list is not one per run, a message does not carry its
   *     run's sub-session id, or the frame is too large
   */
  public byte[] encode(List<List<byte[]>> messages) {
    if (messages.size() != count()) {
      throw new IllegalArgumentException("a frame of this batch has " + count() + " runs, got " + messages.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(MessageCodec.VERSION);
    out.write(MessageCodec.PROTOCOL_BATCH);
    out.write(count());
    out.writeBytes(sessionBytes);
    for (int i = 0; i < messages.size(); i++) {
      byte[] sub = subSessions.get(i);
      List<byte[]> run = messages.get(i);
      writeU16(out, run.size(), "messages of one run");
      for (byte[] m : run) {
        if (m.length < MessageCodec.HEADER_LENGTH
            || !Arrays.equals(m, KEPT_HEADER, MessageCodec.HEADER_LENGTH, sub, 0, SessionId.LENGTH)) {
          throw new IllegalArgumentException("a message of run " + i + " does not carry its sub-session id");
        }
        writeU16(out, m.length - SessionId.LENGTH, "message length");
        out.write(m, 0, KEPT_HEADER);
        out.write(m, MessageCodec.HEADER_LENGTH, m.length - MessageCodec.HEADER_LENGTH);
      }
    }
    if (out.size() > MAX_FRAME_BYTES) {
      throw new IllegalArgumentException("batch frame of " + out.size() + " bytes exceeds " + MAX_FRAME_BYTES);
    }
    return out.toByteArray();
  }

  /**
   * Parses a frame of this batch: for each run in order, its messages with their full header
   * (the run's sub-session id put back).
   *
   * @throws IllegalArgumentException saying what is wrong: oversized, truncated, another version,
   *     protocol, session or count, a message shorter than its header, no message at all, or
   *     trailing bytes
   */
  public List<List<byte[]>> decode(byte[] frame) {
    String problem = headerProblem(frame);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (!Arrays.equals(frame, 3, MessageCodec.HEADER_LENGTH, sessionBytes, 0, SessionId.LENGTH)) {
      throw new IllegalArgumentException("frame of another session");
    }
    if ((frame[2] & 0xFF) != count()) {
      throw new IllegalArgumentException("frame for a batch of " + (frame[2] & 0xFF) + " runs, this batch has " + count());
    }
    int at = MessageCodec.HEADER_LENGTH;
    int total = 0;
    List<List<byte[]>> messages = new ArrayList<>(count());
    for (int i = 0; i < count(); i++) {
      byte[] sub = subSessions.get(i);
      int n = readU16(frame, at, "message count of run " + i);
      at += 2;
      List<byte[]> run = new ArrayList<>(Math.min(n, 4));
      for (int j = 0; j < n; j++) {
        int kept = readU16(frame, at, "length of message " + j + " of run " + i);
        at += 2;
        if (kept < KEPT_HEADER) {
          throw new IllegalArgumentException("message " + j + " of run " + i + " is shorter than its header");
        }
        if (frame.length - at < kept) {
          throw new IllegalArgumentException("truncated: message " + j + " of run " + i + " wants " + kept
              + " bytes, " + (frame.length - at) + " left");
        }
        byte[] m = new byte[kept + SessionId.LENGTH];
        System.arraycopy(frame, at, m, 0, KEPT_HEADER);
        System.arraycopy(sub, 0, m, KEPT_HEADER, SessionId.LENGTH);
        System.arraycopy(frame, at + KEPT_HEADER, m, MessageCodec.HEADER_LENGTH, kept - KEPT_HEADER);
        at += kept;
        run.add(m);
      }
      total += n;
      messages.add(run);
    }
    if (at != frame.length) {
      throw new IllegalArgumentException((frame.length - at) + " trailing bytes");
    }
    if (total == 0) {
      throw new IllegalArgumentException("a frame without messages");
    }
    return messages;
  }

  private static String headerProblem(byte[] frame) {
    if (frame == null) {
      return "no bytes";
    }
    if (frame.length > MAX_FRAME_BYTES) {
      return "oversized batch frame (" + frame.length + " bytes)";
    }
    if (frame.length < MessageCodec.HEADER_LENGTH) {
      return "truncated header (" + frame.length + " bytes)";
    }
    if ((frame[0] & 0xFF) != MessageCodec.VERSION) {
      return "unsupported encoding version " + (frame[0] & 0xFF);
    }
    if ((frame[1] & 0xFF) != MessageCodec.PROTOCOL_BATCH) {
      return "not a batch frame (tag " + (frame[1] & 0xFF) + ")";
    }
    int count = frame[2] & 0xFF;
    if (count < 1 || count > MAX_COUNT) {
      return "batch count " + count + " is not in 1.." + MAX_COUNT;
    }
    return null;
  }

  private static void writeU16(ByteArrayOutputStream out, int v, String what) {
    if (v > 0xFFFF) {
      throw new IllegalArgumentException(what + " does not fit in 16 bits: " + v);
    }
    out.write(v >>> 8);
    out.write(v);
  }

  private static int readU16(byte[] frame, int at, String what) {
    if (frame.length - at < 2) {
      throw new IllegalArgumentException("truncated: no " + what + " at offset " + at);
    }
    return ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
  }

  @Override
  public String toString() {
    return "BatchFrameCodec[" + session + ", " + count() + " runs]";
  }
}
