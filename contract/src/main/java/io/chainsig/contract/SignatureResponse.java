package io.chainsig.contract;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;

/**
 * An ECDSA signature as the network posts it: the nonce point R, the low-s scalar s and the
 * recovery id (the y parity of the point {@code (h/s)G + (r/s)X'} that verifies).
 *
 * @param bigR the nonce point R (never the identity)
 * @param s the scalar s
 * @param recoveryId 0 or 1
 */
public record SignatureResponse(Secp256k1Point bigR, Secp256k1Scalar s, int recoveryId) {
  /** Validates the fields. */
  public SignatureResponse {
    if (bigR == null || bigR.isIdentity()) {
      throw new ContractException("big_r must be a point other than the identity");
    }
    if (s == null) {
      throw new ContractException("s is required");
    }
    if (recoveryId != 0 && recoveryId != 1) {
      throw new ContractException("recovery_id must be 0 or 1, got " + recoveryId);
    }
  }
}
