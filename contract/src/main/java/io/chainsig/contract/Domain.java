package io.chainsig.contract;

/**
 * A signing domain: one root key under one scheme.
 *
 * @param id the domain id requests name ({@code domain_id}); legacy requests use domain 0
 * @param scheme the signature scheme of the domain's key
 */
public record Domain(int id, SignatureScheme scheme) {
  /** Validates the id. */
  public Domain {
    if (id < 0) {
      throw new ContractException("domain id must not be negative, got " + id);
    }
    if (scheme == null) {
      throw new ContractException("domain " + id + " has no scheme");
    }
  }
}
