package io.chainsig.tss.internal;

/**
 * Layout of every protocol message: a 35-byte header, then the round's payload.
 *
 * <pre>
 * offset 0   version      1 byte, {@link #VERSION}
 * offset 1   protocol     1 byte, one of the {@code PROTOCOL_*} tags
 * offset 2   round        1 byte, 1-based
 * offset 3   session id   32 bytes
 * offset 35  payload      round-specific, fixed-width big-endian fields
 * </pre>
 */
public final class MessageCodec {
  /** The encoding version; a message with another version is rejected. */
  public static final int VERSION = 1;

  /** Header length in bytes. */
  public static final int HEADER_LENGTH = 35;

  /**
   * Largest message accepted. The biggest legitimate message is a key-generation echo or opening
   * for {@code ParticipantSet.MAX_PARTICIPANTS} participants (about 34 KiB); anything larger is a
   * peer trying to make us buffer garbage.
   */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** Tag of key generation, refresh and reshare messages. */
  public static final int PROTOCOL_PEDPOP = 1;

  /** Tag of DJNPO20 presign messages. */
  public static final int PROTOCOL_PRESIGN = 2;

  /** Tag of sign messages. */
  public static final int PROTOCOL_SIGN = 3;

  /**
   * Tag of batch frames ({@code io.chainsig.tss.BatchFrameCodec}): several runs' messages in one,
   * with the run count where other messages have their round.
   */
  public static final int PROTOCOL_BATCH = 4;

  private MessageCodec() {}
}
