package io.chainsig.contract;

/**
 * The identity of a sign request as NEAR's contract sees it: the derivation tweak (which already
 * binds predecessor and path), the payload and the domain. Identical pending requests share one
 * response.
 *
 * @param tweakHex the 32-byte tweak, 64 lower-case hex digits
 * @param payloadHex the 32-byte ECDSA payload (message hash), 64 lower-case hex digits
 * @param domainId the domain whose key signs
 */
public record RequestKey(String tweakHex, String payloadHex, int domainId) {
  /** Validates the hex fields. */
  public RequestKey {
    if (tweakHex == null || !LowerHex32.matches(tweakHex)) {
      throw new ContractException("tweak must be 32 bytes as 64 lower-case hex digits");
    }
    if (payloadHex == null || !LowerHex32.matches(payloadHex)) {
      throw new ContractException("payload must be 32 bytes as 64 lower-case hex digits");
    }
    if (domainId < 0) {
      throw new ContractException("domain id must not be negative");
    }
  }
}
