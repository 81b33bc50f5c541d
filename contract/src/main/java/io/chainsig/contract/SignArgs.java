package io.chainsig.contract;

/**
 * The arguments of one {@code sign} call after parsing (both the {@code payload_v2} form and the
 * legacy {@code payload}/{@code key_version} form end up here).
 *
 * @param path the derivation path (any string, may be empty)
 * @param payloadHex the 32-byte payload, 64 lower-case hex digits
 * @param domainId the domain whose key signs
 */
public record SignArgs(String path, String payloadHex, int domainId) {
  /** Validates the fields (the payload's range is checked by the contract). */
  public SignArgs {
    if (path == null) {
      throw new ContractException("path is required (use \"\" for the empty path)");
    }
    if (payloadHex == null || !LowerHex32.matches(payloadHex)) {
      throw new ContractException("the Ecdsa payload must be 32 bytes (64 hex digits)");
    }
    if (domainId < 0) {
      throw new ContractException("domain_id must not be negative");
    }
  }
}
