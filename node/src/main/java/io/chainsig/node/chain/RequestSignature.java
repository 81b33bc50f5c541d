package io.chainsig.node.chain;

import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.util.Objects;

/**
 * A verified signature for a pending request, ready for {@code respond}.
 *
 * @param request the request as the contract lists it
 * @param signature the signature, verified against the request's derived key
 */
public record RequestSignature(PendingSign request, EcdsaSignature signature) {
  /** Both parts are required. */
  public RequestSignature {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(signature, "signature");
  }
}
