package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.encoding.Hex;
import java.util.Arrays;

/**
 * The public identifier of a presignature, the same at every signer: a hash of the presign
 * session id and the nonce point R (presign.md step 7). Signers use it to agree on which
 * presignature a request consumes.
 */
public final class PresignatureId {
  private final byte[] bytes;

  private PresignatureId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 bytes. */
  public static PresignatureId of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("presignature id must be 32 bytes");
    }
    return new PresignatureId(bytes.clone());
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
    return o instanceof PresignatureId p && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PresignatureId[" + toHex() + "]";
  }
}
