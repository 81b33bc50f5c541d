package io.chainsig.contract;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import java.util.Optional;

/**
 * The signature check of a {@code respond} call: the response must be a valid ECDSA signature of
 * the request's payload under the request's child key {@code root + tweak*G}. Equal checks
 * (same root key, request and response) give the same answer, which is what lets a host compute
 * it ahead of the call ({@link RespondVerdicts}).
 *
 * @param root the domain's root public key
 * @param request the request answered (tweak, payload, domain)
 * @param response the posted signature
 */
public record RespondCheck(Secp256k1Point root, RequestKey request, SignatureResponse response) {
  /** Validates the fields. */
  public RespondCheck {
    if (root == null || request == null || response == null) {
      throw new IllegalArgumentException("root key, request and response are required");
    }
  }

  /**
   * Runs the check (one combined secp256k1 multiplication, {@link
   * EcdsaCheck#failureUnderChildKey}).
   *
   * @return empty if the signature is valid, otherwise why not
   */
  public Optional<String> failure() {
    Secp256k1Scalar tweak = DerivationTweak.fromBytes(Hex.decode(request.tweakHex())).secp256k1Scalar();
    Secp256k1Scalar h = Secp256k1Scalar.fromBytes(Hex.decode(request.payloadHex()));
    return EcdsaCheck.failureUnderChildKey(root, tweak, h, response);
  }
}
