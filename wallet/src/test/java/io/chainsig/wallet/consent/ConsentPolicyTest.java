package io.chainsig.wallet.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.wallet.path.WalletKey;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The five flows of the spec, word for word, and the extra refusals. */
class ConsentPolicyTest {
  private static final RequestOrigin NEAR_ORG = RequestOrigin.parse("https://near.org");
  private static final RequestOrigin ATTACKER = RequestOrigin.parse("https://attacker.com");
  private final ConsentPolicy policy = ConsentPolicy.standard();

  @Test
  void flow1DomainsBitcoinKeySignsWithoutConfirmation() {
    ConsentDecision decision = policy.decide(NEAR_ORG, WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Btc());
    assertThat(decision).isInstanceOf(ConsentDecision.SignWithoutPrompt.class);
    assertThat(decision.flow()).isEqualTo(ConsentFlow.OWN_DOMAIN_KEY);
    assertThat(decision.text()).isEqualTo("Signed without confirmation: the key david.near,bitcoin,near.org, is owned by near.org.");
  }

  @Test
  void flow2PersonalBitcoinKeyAsksAcceptReject() {
    ConsentDecision decision = policy.decide(NEAR_ORG, WalletKey.parse("david.near,bitcoin,"), SpecPayloads.send100Btc());
    ConsentPrompt prompt = ((ConsentDecision.AskUser) decision).prompt();
    assertThat(decision.flow()).isEqualTo(ConsentFlow.PERSONAL_KEY);
    assertThat(prompt.title()).isEqualTo("near.org would like to run the following Bitcoin transaction:");
    assertThat(prompt.transaction().getFirst()).isEqualTo("Send 100 BTC");
    assertThat(prompt.buttons()).containsExactly(ConsentButton.ACCEPT, ConsentButton.REJECT);
    assertThat(prompt.buttons()).extracting(ConsentButton::label).containsExactly("Accept", "Reject");
    assertThat(prompt.warnings()).isEmpty();
    assertThat(prompt.rememberable()).isTrue();
  }

  @Test
  void flow3PersonalEvmKeyNamesTheNetworkFromTheChainId() {
    ConsentDecision decision = policy.decide(NEAR_ORG, WalletKey.parse("david.near,evm,"), SpecPayloads.send100Bnb());
    ConsentPrompt prompt = ((ConsentDecision.AskUser) decision).prompt();
    assertThat(decision.flow()).isEqualTo(ConsentFlow.PERSONAL_EVM_KEY);
    assertThat(prompt.title()).isEqualTo("near.org would like to run the following Binance Smart Chain transaction:");
    assertThat(prompt.transaction().getFirst()).isEqualTo("Send 100 BNB");
    assertThat(prompt.transaction()).contains("Network: Binance Smart Chain (chain id 56)");
    assertThat(prompt.buttons()).containsExactly(ConsentButton.ACCEPT, ConsentButton.REJECT);
  }

  @Test
  void flow4UntypedDomainKeySignsWithoutConfirmation() {
    ConsentDecision decision = policy.decide(NEAR_ORG, WalletKey.parse("david.near,,near.org,"), SpecPayloads.send100Btc());
    assertThat(decision).isInstanceOf(ConsentDecision.SignWithoutPrompt.class);
    assertThat(decision.flow()).isEqualTo(ConsentFlow.OWN_DOMAIN_UNTYPED_KEY);
    assertThat(decision.text()).isEqualTo("Signed without confirmation: the untyped key david.near,,near.org, is owned by near.org.");
  }

  @Test
  void flow5AnotherDomainsKeyWarnsWithRejectFirst() {
    ConsentDecision decision = policy.decide(ATTACKER, WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Btc());
    ConsentPrompt prompt = ((ConsentDecision.AskUser) decision).prompt();
    assertThat(decision.flow()).isEqualTo(ConsentFlow.OTHER_DOMAIN_KEY);
    assertThat(prompt.title()).isEqualTo("attacker.com would like to sign a transaction using your credentials from near.org");
    assertThat(prompt.transaction().getFirst()).isEqualTo("Send 100 BTC");
    assertThat(prompt.warnings()).containsExactly("This is a suspicious transaction and likely not one you should accept");
    assertThat(prompt.buttons()).extracting(ConsentButton::label).containsExactly("Reject", "Accept (Are you sure!)");
    assertThat(prompt.initialFocus()).contains(ConsentButton.REJECT);
    assertThat(prompt.rememberable()).isFalse();
  }

  @Test
  void aTransactionForAnotherChainThanTheKeysIsRefused() {
    ConsentDecision evmOnBitcoinKey = policy.decide(NEAR_ORG, WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Bnb());
    assertThat(evmOnBitcoinKey).isInstanceOf(ConsentDecision.Refuse.class);
    assertThat(evmOnBitcoinKey.text()).isEqualTo("Refused: this is a Binance Smart Chain transaction but david.near,bitcoin,near.org,"
        + " is a Bitcoin key. A signature meant for one chain must not be made with another chain's key.");
    assertThat(policy.decide(NEAR_ORG, WalletKey.parse("david.near,evm,"), SpecPayloads.send100Btc()))
        .isInstanceOf(ConsentDecision.Refuse.class);
    assertThat(policy.decide(ATTACKER, WalletKey.parse("david.near,solana,near.org,"), SpecPayloads.send100Btc()))
        .isInstanceOf(ConsentDecision.Refuse.class);
  }

  @Test
  void blindSigningGetsAStrongWarningAndRejectFocused() {
    ConsentDecision decision = policy.decide(NEAR_ORG, WalletKey.parse("david.near,evm,"), SpecPayloads.blind());
    ConsentPrompt prompt = ((ConsentDecision.AskUser) decision).prompt();
    assertThat(prompt.title()).isEqualTo("near.org would like you to sign a hash the wallet cannot read (blind signing):");
    assertThat(prompt.warnings()).containsExactly(ConsentPolicy.BLIND_WARNING);
    assertThat(prompt.initialFocus()).contains(ConsentButton.REJECT);
    assertThat(prompt.rememberable()).isFalse();
    ConsentPrompt suspicious = ((ConsentDecision.AskUser) policy.decide(
        ATTACKER, WalletKey.parse("david.near,evm,near.org,"), SpecPayloads.blind())).prompt();
    assertThat(suspicious.warnings()).containsExactly(ConsentPolicy.SUSPICIOUS_WARNING, ConsentPolicy.BLIND_WARNING);
  }

  @Test
  void untypedPersonalKeyWarnsAboutOtherChains() {
    ConsentPrompt prompt = ((ConsentDecision.AskUser) policy.decide(
        NEAR_ORG, WalletKey.parse("david.near,,"), SpecPayloads.send100Btc())).prompt();
    assertThat(prompt.warnings()).singleElement().asString().contains("no chain");
  }

  @Test
  void insecureOriginsAreRefusedUnlessLoopbackOrConfigured() {
    RequestOrigin http = RequestOrigin.parse("http://near.org");
    assertThat(policy.decide(http, WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Btc()))
        .isInstanceOf(ConsentDecision.Refuse.class);
    assertThat(new ConsentPolicy(true, io.chainsig.wallet.path.Slip44Registry.standard())
            .decide(http, WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Btc()))
        .isInstanceOf(ConsentDecision.SignWithoutPrompt.class);
    assertThat(RequestOrigin.parse("http://127.0.0.1:8080").isSecure()).isTrue();
  }

  @Test
  void subdomainsAndLookalikesAreOtherDomains() {
    for (String origin : List.of("https://app.near.org", "https://near.org.attacker.com", "https://nearorg")) {
      assertThat(policy.decide(RequestOrigin.parse(origin), WalletKey.parse("david.near,bitcoin,near.org,"), SpecPayloads.send100Btc()).flow())
          .isEqualTo(ConsentFlow.OTHER_DOMAIN_KEY);
    }
  }

  @Test
  void originsParseOnlyFromOriginHeaders() {
    assertThat(RequestOrigin.parse("https://Near.ORG:443").serialized()).isEqualTo("https://near.org");
    for (String bad : new String[] {"null", "", "https://near.org/path", "ftp://near.org", "near.org"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestOrigin.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Optional.ofNullable(null)).isEmpty();
  }

  @Test
  void anUnknownChainIdIsNamedByNumberWithAWarning() {
    String chain999 = SpecPayloads.SEND_100_BNB_HEX.replaceFirst("^02e838", "02ea8203e7");
    ConsentPrompt prompt = ((ConsentDecision.AskUser) policy.decide(NEAR_ORG, WalletKey.parse("david.near,evm,"),
        new io.chainsig.wallet.tx.evm.EvmPayment(io.chainsig.wallet.tx.evm.EvmTransaction.parse(
            io.chainsig.crypto.encoding.Hex.decode(chain999))))).prompt();
    assertThat(prompt.title()).isEqualTo("near.org would like to run the following unknown EVM chain 999 transaction:");
    assertThat(prompt.transaction().getFirst()).isEqualTo("Send 100 native units");
    assertThat(prompt.warnings()).containsExactly("The wallet does not know chain id 999: check the network yourself.");
  }
}
