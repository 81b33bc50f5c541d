package io.chainsig.wallet.consent;

import io.chainsig.wallet.path.DerivationPath;
import io.chainsig.wallet.path.SiteDomain;
import io.chainsig.wallet.path.Slip44Registry;
import io.chainsig.wallet.path.WalletKey;
import io.chainsig.wallet.tx.SignablePayload;
import io.chainsig.wallet.tx.evm.EvmPayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consent rules of the wallet spec ({@code docs/wallet.md}), as a pure function of origin, key
 * and payload. Rules, in order:
 *
 * <ol>
 *   <li>An origin that is not https (or loopback http) is refused, unless configured for development.
 *   <li>A typed key signs only its own chain's transactions: a mismatch is refused.
 *   <li>The origin's own domain key signs without a prompt (flow 1; flow 4 when untyped).
 *   <li>Another domain's key shows the suspicious-request warning, Reject first (flow 5).
 *   <li>A personal key asks Accept/Reject showing the transaction (flow 2; flow 3 for EVM keys,
 *       naming the network from the chain id).
 * </ol>
 *
 * Blind signing (a bare hash) is never remembered and always carries a strong warning when a prompt
 * is shown.
 */
public final class ConsentPolicy {
  /** The warning of flow 5, exactly as the spec writes it. */
  public static final String SUSPICIOUS_WARNING = "This is a suspicious transaction and likely not one you should accept";

  /** The strong warning for blind signing. */
  public static final String BLIND_WARNING =
      "Blind signing: the wallet cannot read this payload, so it cannot tell you what the signature"
          + " authorizes, on which chain, or for how much. Only accept if you fully trust the site and expected this request.";

  private final boolean allowInsecureOrigins;
  private final Slip44Registry slip44;

  /**
   * A policy.
   *
   * @param allowInsecureOrigins accept plain-http origins other than loopback (development only)
   */
  public ConsentPolicy(boolean allowInsecureOrigins, Slip44Registry slip44) {
    this.allowInsecureOrigins = allowInsecureOrigins;
    this.slip44 = slip44;
  }

  /** The production policy: https origins only (and http on loopback). */
  public static ConsentPolicy standard() {
    return new ConsentPolicy(false, Slip44Registry.standard());
  }

  /** Decides a request. */
  public ConsentDecision decide(RequestOrigin origin, WalletKey key, SignablePayload payload) {
    if (!origin.isSecure() && !allowInsecureOrigins) {
      return new ConsentDecision.Refuse(ConsentFlow.REFUSED,
          "Refused: " + origin.serialized() + " is not a secure (https) origin, so the wallet cannot trust who is asking.");
    }
    DerivationPath path = key.path();
    String keyName = key.toKeyString(slip44);
    if (!payload.isBlind() && path.chain().isPresent() && !payload.coinTypes().contains(path.chain().getAsLong())) {
      return new ConsentDecision.Refuse(ConsentFlow.REFUSED,
          "Refused: this is a " + payload.networkName() + " transaction but " + keyName + " is a "
              + slip44.coinNameOf(path.chain().getAsLong()) + " key. A signature meant for one chain must not be"
              + " made with another chain's key.");
    }
    Optional<SiteDomain> domain = path.domain();
    if (domain.isPresent() && domain.get().value().equals(origin.host())) {
      boolean untyped = path.chain().isEmpty();
      return new ConsentDecision.SignWithoutPrompt(
          untyped ? ConsentFlow.OWN_DOMAIN_UNTYPED_KEY : ConsentFlow.OWN_DOMAIN_KEY,
          "Signed without confirmation" + (payload.isBlind() ? " (blind signing of a hash)" : "") + ": the "
              + (untyped ? "untyped " : "") + "key " + keyName + " is owned by " + domain.get().value() + ".");
    }
    if (domain.isPresent()) {
      List<String> warnings = new ArrayList<>();
      warnings.add(SUSPICIOUS_WARNING);
      if (payload.isBlind()) {
        warnings.add(BLIND_WARNING);
      }
      return new ConsentDecision.AskUser(ConsentFlow.OTHER_DOMAIN_KEY, new ConsentPrompt(
          origin.displayName() + " would like to sign a transaction using your credentials from " + domain.get().value(),
          payload.description(),
          warnings,
          List.of(ConsentButton.REJECT, ConsentButton.ACCEPT_SUSPICIOUS),
          Optional.of(ConsentButton.REJECT),
          false));
    }
    boolean evmKey = path.chain().isPresent() && path.chain().getAsLong() == EvmPayment.EVM_COIN_TYPE;
    List<String> warnings = new ArrayList<>();
    if (payload.isBlind()) {
      warnings.add(BLIND_WARNING);
    }
    if (path.chain().isEmpty()) {
      warnings.add("This key has no chain: a signature made with it might also be valid on another chain.");
    }
    if (payload instanceof EvmPayment evm && evm.network().isPresent() && evm.network().get().name().startsWith("unknown")) {
      warnings.add("The wallet does not know chain id " + evm.network().get().chainId() + ": check the network yourself.");
    }
    String title = payload.isBlind()
        ? origin.displayName() + " would like you to sign a hash the wallet cannot read (blind signing):"
        : origin.displayName() + " would like to run the following " + payload.networkName() + " transaction:";
    return new ConsentDecision.AskUser(evmKey ? ConsentFlow.PERSONAL_EVM_KEY : ConsentFlow.PERSONAL_KEY, new ConsentPrompt(
        title,
        payload.description(),
        warnings,
        List.of(ConsentButton.ACCEPT, ConsentButton.REJECT),
        payload.isBlind() ? Optional.of(ConsentButton.REJECT) : Optional.empty(),
        !payload.isBlind()));
  }
}
