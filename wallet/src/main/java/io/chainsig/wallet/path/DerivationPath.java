package io.chainsig.wallet.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A key's derivation path as the wallet spec defines it: {@code chain} (a SLIP-44 coin type),
 * {@code domain} (the site that owns the key) and {@code meta} (any JSON). Each part may be absent;
 * an absent part is left out of the JSON, never written as {@code null}. The string the signer
 * contract receives is {@link #canonicalJson()}.
 *
 * @param chain the SLIP-44 coin type, 0 to 2^31-1 (the hardened-index range of BIP-44)
 * @param domain the owning site; empty for a personal key
 * @param meta user-defined data; never JSON {@code null}
 */
public record DerivationPath(OptionalLong chain, Optional<SiteDomain> domain, Optional<JsonNode> meta) {
  /** SLIP-44 coin types are BIP-44 hardened indexes without the hardening bit. */
  public static final long MAX_COIN_TYPE = 0x7fff_ffffL;

  /** Validates the parts and takes a deep copy of {@code meta}. */
  public DerivationPath {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(meta, "meta");
    if (chain.isPresent() && (chain.getAsLong() < 0 || chain.getAsLong() > MAX_COIN_TYPE)) {
      throw new InvalidDerivationPathException(
          "chain must be a SLIP-44 coin type between 0 and " + MAX_COIN_TYPE + ", got " + chain.getAsLong());
    }
    if (meta.isPresent() && (meta.get().isNull() || meta.get().isMissingNode())) {
      throw new InvalidDerivationPathException("meta must be left out rather than set to null");
    }
    meta = meta.map(JsonNode::deepCopy);
  }

  /** The empty path {@code {}}. */
  public static DerivationPath empty() {
    return new DerivationPath(OptionalLong.empty(), Optional.empty(), Optional.empty());
  }

  /** A path with only a chain. */
  public static DerivationPath ofChain(long chain) {
    return new DerivationPath(OptionalLong.of(chain), Optional.empty(), Optional.empty());
  }

  /** This path with the given owning domain. */
  public DerivationPath withDomain(String domainName) {
    return new DerivationPath(chain, Optional.of(new SiteDomain(domainName)), meta);
  }

  /** This path with the given meta value. */
  public DerivationPath withMeta(JsonNode value) {
    return new DerivationPath(chain, domain, Optional.of(value));
  }

  /** The user-defined data, as a copy (records would otherwise leak the mutable node). */
  @Override
  public Optional<JsonNode> meta() {
    return meta.map(JsonNode::deepCopy);
  }

  /** The RFC 8785 canonical JSON the signer contract hashes into the key tweak. */
  public String canonicalJson() {
    return DerivationPathJson.canonical(this);
  }

  /** True for a key owned by a site (flows 1, 4 and 5 of the spec). */
  public boolean isDomainKey() {
    return domain.isPresent();
  }

  @Override
  public String toString() {
    return canonicalJson();
  }
}
