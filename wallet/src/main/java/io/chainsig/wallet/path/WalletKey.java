package io.chainsig.wallet.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.NearAccountId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A key of the wallet: the NEAR account that asks the signer contract plus a derivation path. Its
 * text form is the one the wallet spec writes: {@code account,chain,} for a personal key and
 * {@code account,chain,domain,} for a domain's key, where {@code chain} is a SLIP-44 key name
 * ({@code bitcoin}, {@code evm}, ...), a coin-type number, or empty for an untyped key. A {@code
 * meta} value, if any, follows the domain's comma as canonical JSON:
 * {@code david.near,bitcoin,near.org,{"id":2}} or {@code david.near,bitcoin,,{"id":2}}.
 */
public record WalletKey(NearAccountId account, DerivationPath path) {
  /** Checks both parts are present. */
  public WalletKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(path, "path");
  }

  /** Parses the spec's text form, e.g. {@code david.near,bitcoin,near.org,}. */
  public static WalletKey parse(String text) {
    return parse(text, Slip44Registry.standard());
  }

  /** Parses the spec's text form with a given SLIP-44 table. */
  public static WalletKey parse(String text, Slip44Registry slip44) {
    int afterAccount = text.indexOf(',');
    if (afterAccount < 0) {
      throw new InvalidDerivationPathException(
          "a key is written account,chain,[domain,[meta]] (e.g. david.near,bitcoin,near.org,), got \"" + text + "\"");
    }
    NearAccountId account;
    try {
      account = new NearAccountId(text.substring(0, afterAccount));
    } catch (IllegalArgumentException e) {
      throw new InvalidDerivationPathException("key has an invalid NEAR account: " + e.getMessage(), e);
    }
    String rest = text.substring(afterAccount + 1);
    int afterChain = rest.indexOf(',');
    if (afterChain < 0) {
      throw new InvalidDerivationPathException(
          "the chain of a key ends with a comma (david.near,bitcoin, not david.near,bitcoin), got \"" + text + "\"");
    }
    OptionalLong chain = chainOf(rest.substring(0, afterChain), slip44);
    String tail = rest.substring(afterChain + 1);
    if (tail.isEmpty()) {
      return new WalletKey(account, new DerivationPath(chain, Optional.empty(), Optional.empty()));
    }
    int afterDomain = tail.indexOf(',');
    if (afterDomain < 0) {
      throw new InvalidDerivationPathException(
          "the domain of a key ends with a comma (david.near,bitcoin,near.org,), got \"" + text + "\"");
    }
    String domainText = tail.substring(0, afterDomain);
    String metaText = tail.substring(afterDomain + 1);
    Optional<SiteDomain> domain = domainText.isEmpty() ? Optional.empty() : Optional.of(new SiteDomain(domainText));
    Optional<JsonNode> meta = metaText.isEmpty() ? Optional.empty() : Optional.of(metaOf(metaText));
    if (domain.isEmpty() && meta.isEmpty()) {
      throw new InvalidDerivationPathException(
          "a key without domain and meta ends after the chain's comma (david.near,bitcoin,), got \"" + text + "\"");
    }
    return new WalletKey(account, new DerivationPath(chain, domain, meta));
  }

  private static OptionalLong chainOf(String name, Slip44Registry slip44) {
    if (name.isEmpty()) {
      return OptionalLong.empty();
    }
    if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (name.length() > 1 && name.startsWith("0")) {
        throw new InvalidDerivationPathException("coin type numbers have no leading zeros: " + name);
      }
      if (name.length() > 10) {
        throw new InvalidDerivationPathException("coin type out of range: " + name);
      }
      return OptionalLong.of(Long.parseLong(name));
    }
    return slip44
        .byKeyName(name)
        .map(row -> OptionalLong.of(row.coinType()))
        .orElseThrow(() -> new InvalidDerivationPathException(
            "unknown chain name \"" + name + "\": use a SLIP-44 key name such as bitcoin or evm, or the coin-type number"));
  }

  private static JsonNode metaOf(String metaText) {
    try {
      JsonNode meta = DerivationPathJson.MAPPER.readTree(metaText);
      DerivationPathJson.fromTree(DerivationPathJson.MAPPER.createObjectNode().set("meta", meta));
      return meta;
    } catch (JsonProcessingException e) {
      throw new InvalidDerivationPathException("the meta part of a key is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The spec's text form with the standard SLIP-44 names. */
  public String toKeyString() {
    return toKeyString(Slip44Registry.standard());
  }

  /** The spec's text form with a given SLIP-44 table. */
  public String toKeyString(Slip44Registry slip44) {
    StringBuilder out = new StringBuilder(account.value()).append(',');
    path.chain().ifPresent(chain -> out.append(slip44.keyNameOf(chain)));
    out.append(',');
    if (path.domain().isPresent() || path.meta().isPresent()) {
      path.domain().ifPresent(domain -> out.append(domain.value()));
      out.append(',');
      path.meta().ifPresent(meta -> out.append(DerivationPathJson.canonicalValue(meta)));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toKeyString();
  }
}
