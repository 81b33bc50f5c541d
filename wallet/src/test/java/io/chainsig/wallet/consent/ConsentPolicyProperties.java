package io.chainsig.wallet.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.chainsig.derivation.NearAccountId;
import io.chainsig.wallet.path.DerivationPath;
import io.chainsig.wallet.path.SiteDomain;
import io.chainsig.wallet.path.WalletKey;
import io.chainsig.wallet.tx.SignablePayload;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Invariants of the policy over every combination of origin, key shape and payload. */
class ConsentPolicyProperties {
  private static final List<String> ORIGINS = List.of(
      "https://near.org", "https://app.near.org", "https://attacker.com", "http://near.org", "http://127.0.0.1:3000");
  private static final List<Optional<String>> DOMAINS = List.of(
      Optional.empty(), Optional.of("near.org"), Optional.of("attacker.com"), Optional.of("127.0.0.1"));
  private static final List<OptionalLong> CHAINS = List.of(
      OptionalLong.empty(), OptionalLong.of(0), OptionalLong.of(1), OptionalLong.of(60), OptionalLong.of(501));
  private static final List<SignablePayload> PAYLOADS = List.of(
      SpecPayloads.send100Btc(), SpecPayloads.send100Bnb(), SpecPayloads.blind());

  @Test
  void noSignatureWithoutConsentUnlessTheOriginOwnsTheKeyAndChainsAgree() {
    qt().withExamples(400)
        .forAll(integers().between(0, ORIGINS.size() - 1), integers().between(0, DOMAINS.size() - 1),
            integers().between(0, CHAINS.size() - 1), integers().between(0, PAYLOADS.size() - 1))
        .checkAssert((o, d, c, p) -> {
          RequestOrigin origin = RequestOrigin.parse(ORIGINS.get(o));
          DerivationPath path = new DerivationPath(CHAINS.get(c), DOMAINS.get(d).map(SiteDomain::new), Optional.empty());
          SignablePayload payload = PAYLOADS.get(p);
          ConsentDecision decision = ConsentPolicy.standard().decide(origin, new WalletKey(new NearAccountId("david.near"), path), payload);
          boolean chainMismatch = !payload.isBlind() && path.chain().isPresent()
              && !payload.coinTypes().contains(path.chain().getAsLong());
          boolean owned = path.domain().isPresent() && path.domain().get().value().equals(origin.host());
          if (!origin.isSecure() || chainMismatch) {
            assertThat(decision).isInstanceOf(ConsentDecision.Refuse.class);
          } else if (owned) {
            assertThat(decision).isInstanceOf(ConsentDecision.SignWithoutPrompt.class);
          } else {
            ConsentPrompt prompt = ((ConsentDecision.AskUser) decision).prompt();
            assertThat(prompt.buttons()).contains(ConsentButton.REJECT);
            if (path.domain().isPresent()) {
              assertThat(prompt.buttons()).containsExactly(ConsentButton.REJECT, ConsentButton.ACCEPT_SUSPICIOUS);
              assertThat(prompt.rememberable()).isFalse();
              assertThat(prompt.warnings()).contains(ConsentPolicy.SUSPICIOUS_WARNING);
            }
            if (payload.isBlind()) {
              assertThat(prompt.warnings()).contains(ConsentPolicy.BLIND_WARNING);
              assertThat(prompt.initialFocus()).contains(ConsentButton.REJECT);
              assertThat(prompt.rememberable()).isFalse();
            }
          }
          assertThat(decision.text()).isNotBlank();
        });
  }
}
