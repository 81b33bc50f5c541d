package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.SessionId;
import java.io.ByteArrayOutputStream;

/** Builds one message: header first, then fixed-width fields. */
public final class MessageWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Starts a message with the header of {@link MessageCodec}. */
  public MessageWriter(int protocolTag, int round, SessionId session) {
    out.write(MessageCodec.VERSION);
    out.write(protocolTag);
    out.write(round);
    out.writeBytes(session.bytes());
  }

  /** Appends raw bytes. */
  public MessageWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** Appends a 2-byte big-endian count. */
  public MessageWriter u16(int v) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException("count does not fit in 16 bits: " + v);
    }
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  /** Appends a scalar in the group's canonical encoding. */
  public <S> MessageWriter scalar(PrimeOrderGroup<S, ?> group, S s) {
    return bytes(group.encodeScalar(s));
  }

  /** Appends a group element in the group's canonical encoding. */
  public <E> MessageWriter element(PrimeOrderGroup<?, E> group, E e) {
    return bytes(group.encodeElement(e));
  }

  /** The finished message. */
  public byte[] toBytes() {
    return out.toByteArray();
  }
}
