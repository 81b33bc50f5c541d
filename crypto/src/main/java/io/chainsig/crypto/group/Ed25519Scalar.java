package io.chainsig.crypto.group;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.ConstantTime;
import io.chainsig.crypto.Ed25519Point;
import java.math.BigInteger;

/**
 * An integer modulo the ed25519 group order L, canonical ({@code 0 <= v < L}), encoded as 32
 * little-endian bytes as RFC 8032 does. {@link #toString()} prints {@code <redacted>}.
 */
public final class Ed25519Scalar {
  private final BigInteger value;

  private Ed25519Scalar(BigInteger value) {
    this.value = value;
  }

  /** Reduces any integer modulo L. */
  public static Ed25519Scalar reduce(BigInteger v) {
    return new Ed25519Scalar(v.mod(Ed25519Point.L));
  }

  /** The canonical value. */
  public BigInteger value() {
    return value;
  }

  /** 32 little-endian bytes. */
  public byte[] toBytes() {
    return Bytes.toLittleEndian(value, 32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Scalar s && ConstantTime.equals(toBytes(), s.toBytes());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519Scalar<redacted>";
  }
}
