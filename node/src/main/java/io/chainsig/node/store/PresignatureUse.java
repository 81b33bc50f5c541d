package io.chainsig.node.store;

import io.chainsig.crypto.encoding.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a presignature was used for, kept durably in the same batch as its "used" marker
 * (docs/node.md step 6), so that an audit of the stopped nodes' stores can check that no
 * presignature served two different signatures.
 *
 * @param kind how it was used
 * @param sessionIdHex the sign session (hex of 32 bytes), empty unless {@link Kind#LED} or {@link Kind#JOINED}
 * @param requestIdHex the request (hex of {@code SHA-256(tweak | payload | domain)}), empty likewise
 * @param entropyHex the request's entropy (hex of 32 bytes) the signature was made with, empty likewise
 * @param atMillis when it was used (milliseconds since the epoch; 0 if not recorded)
 */
public record PresignatureUse(Kind kind, String sessionIdHex, String requestIdHex, String entropyHex, long atMillis) {
  /** How a presignature was used. */
  public enum Kind {
    /** This node led a sign session with it (it owns the presignature). */
    LED,
    /** This node joined another node's sign session with it and sent its share to the leader. */
    JOINED,
    /** Discarded unused (its key share was replaced by a reshare). */
    DISCARDED,
    /** Used before usage records existed (a store written by an older version): nothing is known. */
    UNRECORDED
  }

  /** The old marker value: a use without a record. */
  private static final byte LEGACY_MARKER = 1;
  private static final byte VERSION = 2;

  /** Validates: a sign use names its session, request and entropy (32 bytes each, hex); other uses none. */
  public PresignatureUse {
    if (kind == null || sessionIdHex == null || requestIdHex == null || entropyHex == null) {
      throw new IllegalArgumentException("a presignature use needs a kind, session, request and entropy (empty strings if none)");
    }
    boolean sign = kind == Kind.LED || kind == Kind.JOINED;
    for (String h : new String[] {sessionIdHex, requestIdHex, entropyHex}) {
      if (sign) {
        Hex.decode(h, 32);
      } else if (!h.isEmpty()) {
        throw new IllegalArgumentException("a " + kind + " presignature use names no session, request or entropy");
      }
    }
    sessionIdHex = sessionIdHex.toLowerCase(java.util.Locale.ROOT);
    requestIdHex = requestIdHex.toLowerCase(java.util.Locale.ROOT);
    entropyHex = entropyHex.toLowerCase(java.util.Locale.ROOT);
    if (atMillis < 0) {
      throw new IllegalArgumentException("a presignature use's time cannot be negative");
    }
  }

  /** A use in a sign session, now: {@code led} if this node leads it, otherwise it joins. */
  public static PresignatureUse sign(boolean led, byte[] sessionId, byte[] requestId, String entropyHex) {
    return new PresignatureUse(led ? Kind.LED : Kind.JOINED, Hex.encode(sessionId), Hex.encode(requestId), entropyHex,
        System.currentTimeMillis());
  }

  /** Discarded unused, now. */
  public static PresignatureUse discarded() {
    return new PresignatureUse(Kind.DISCARDED, "", "", "", System.currentTimeMillis());
  }

  /** True if the presignature went into a signature (led or joined). */
  public boolean signed() {
    return kind == Kind.LED || kind == Kind.JOINED;
  }

  /**
   * What it signed: request and entropy (two uses with the same purpose made shares of the same
   * signature; different purposes would mean the presignature served two signatures).
   */
  public String purpose() {
    return signed() ? requestIdHex + "/" + entropyHex : kind.name();
  }

  /** The stored bytes. */
  byte[] encode() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(VERSION);
    b.write(kind.ordinal());
    b.writeBytes(ByteBuffer.allocate(8).putLong(atMillis).array());
    for (String h : new String[] {sessionIdHex, requestIdHex, entropyHex}) {
      byte[] raw = h.getBytes(StandardCharsets.US_ASCII);
      b.write(raw.length);
      b.writeBytes(raw);
    }
    return b.toByteArray();
  }

  /**
   * Reads stored bytes; the one-byte marker of older stores is {@link Kind#UNRECORDED}.
   *
   * @throws IllegalArgumentException if malformed
   */
  static PresignatureUse decode(byte[] bytes) {
    if (bytes.length == 1 && bytes[0] == LEGACY_MARKER) {
      return new PresignatureUse(Kind.UNRECORDED, "", "", "", 0);
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != VERSION) {
        throw new IllegalArgumentException("unknown presignature use record version");
      }
      int kind = b.get();
      if (kind < 0 || kind >= Kind.values().length) {
        throw new IllegalArgumentException("unknown presignature use kind " + kind);
      }
      long at = b.getLong();
      String[] hex = new String[3];
      for (int i = 0; i < 3; i++) {
        byte[] raw = new byte[b.get() & 0xff];
        b.get(raw);
        hex[i] = new String(raw, StandardCharsets.US_ASCII);
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after a presignature use record");
      }
      return new PresignatureUse(Kind.values()[kind], hex[0], hex[1], hex[2], at);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("presignature use record is truncated", e);
    }
  }
}
