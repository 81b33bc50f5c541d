package io.chainsig.tss;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A 32-byte identifier of one protocol run, agreed by all participants beforehand (e.g. derived
 * from a request id). It is bound into every hash, proof and message of the run, so messages and
 * proofs cannot be replayed into another run.
 */
public final class SessionId {
  /** Length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private SessionId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps exactly 32 bytes.
   *
   * @throws ProtocolSetupException on another length
   */
  public static SessionId of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new ProtocolSetupException("session id must be 32 bytes");
    }
    return new SessionId(bytes.clone());
  }

  /** SHA3-256 of a label, for tests and for ids derived from a readable name. */
  public static SessionId fromLabel(String label) {
    return new SessionId(Hashes.sha3_256(("chainsig session " + label).getBytes(StandardCharsets.UTF_8)));
  }

  /** The 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hex. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionId s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SessionId[" + toHex() + "]";
  }
}
