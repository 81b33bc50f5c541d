package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ProtocolAbortException;
import java.util.Arrays;

/**
 * Reads the payload of one message from one sender. Every failure (truncation, trailing bytes,
 * non-canonical scalar, point off the curve, identity point) is a {@link ProtocolAbortException}
 * that blames the sender.
 */
public final class MessageReader {
  private final ParticipantId from;
  private final int round;
  private final byte[] bytes;
  private int position;

  /** A reader over the payload (the bytes after the header). */
  public MessageReader(ParticipantId from, int round, byte[] payload) {
    this.from = from;
    this.round = round;
    this.bytes = payload;
  }

  /** The sender, who is blamed for anything malformed. */
  public ParticipantId from() {
    return from;
  }

  /** Reads {@code n} raw bytes. */
  public byte[] bytes(int n) throws ProtocolAbortException {
    if (n < 0 || bytes.length - position < n) {
      throw malformed("truncated: wanted " + n + " more bytes at offset " + position);
    }
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  /** Reads a 2-byte big-endian count. */
  public int u16() throws ProtocolAbortException {
    byte[] b = bytes(2);
    return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
  }

  /** Reads a canonical scalar. */
  public <S> S scalar(PrimeOrderGroup<S, ?> group) throws ProtocolAbortException {
    byte[] b = bytes(group.scalarLength());
    try {
      return group.decodeScalar(b);
    } catch (IllegalArgumentException e) {
      throw malformed("bad scalar: " + e.getMessage());
    }
  }

  /** Reads a canonical scalar and rejects zero. */
  public <S> S nonZeroScalar(PrimeOrderGroup<S, ?> group, String what)
      throws ProtocolAbortException {
    S s = scalar(group);
    if (group.isZero(s)) {
      throw malformed(what + " is zero");
    }
    return s;
  }

  /** Reads a group element; the identity has no encoding, so it is rejected too. */
  public <E> E element(PrimeOrderGroup<?, E> group) throws ProtocolAbortException {
    byte[] b = bytes(group.elementLength());
    try {
      return group.decodeElement(b);
    } catch (IllegalArgumentException e) {
      throw malformed("bad group element: " + e.getMessage());
    }
  }

  /** Requires that the whole payload was read. */
  public void end() throws ProtocolAbortException {
    if (position != bytes.length) {
      throw malformed((bytes.length - position) + " trailing bytes");
    }
  }

  /** An abort blaming the sender of this message. */
  public ProtocolAbortException malformed(String what) {
    return ProtocolAbortException.blaming(
        from, "malformed round " + round + " message from " + from + ": " + what);
  }
}
