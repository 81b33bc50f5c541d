package io.chainsig.wallet.signer;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.encoding.Hex;
import java.math.BigInteger;

/**
 * An ECDSA signature as NEAR's signer contract returns it: the nonce point {@code R} (compressed),
 * {@code s} (low-s normalized) and the recovery id ({@code R.y} parity).
 */
public record SignResult(byte[] bigR, byte[] s, int recoveryId) {
  /** Validates sizes and ranges. */
  public SignResult {
    if (bigR.length != 33 || (bigR[0] != 2 && bigR[0] != 3)) {
      throw new IllegalArgumentException("R must be a 33-byte compressed point");
    }
    if (s.length != 32) {
      throw new IllegalArgumentException("s must be 32 bytes");
    }
    BigInteger sValue = new BigInteger(1, s);
    if (sValue.signum() == 0 || sValue.compareTo(Secp256k1.HALF_N) > 0) {
      throw new IllegalArgumentException("s must be in [1, n/2] (low-s)");
    }
    if (recoveryId != 0 && recoveryId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recoveryId);
    }
    bigR = bigR.clone();
    s = s.clone();
  }

  @Override
  public byte[] bigR() {
    return bigR.clone();
  }

  @Override
  public byte[] s() {
    return s.clone();
  }

  /** {@code r}: the x coordinate of R (32 bytes). */
  public byte[] r() {
    return java.util.Arrays.copyOfRange(bigR, 1, 33);
  }

  @Override
  public String toString() {
    return "SignResult[R=" + Hex.encode(bigR) + ", s=" + Hex.encode(s) + ", recoveryId=" + recoveryId + "]";
  }
}
