package io.chainsig.wallet.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.wallet.path.WalletKey;
import io.chainsig.wallet.signer.SignResult;
import io.chainsig.wallet.signer.SignatureRequester;
import io.chainsig.wallet.tx.SignablePayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConsentingSignerTest {
  private static final RequestOrigin NEAR_ORG = RequestOrigin.parse("https://near.org");
  private static final RequestOrigin ATTACKER = RequestOrigin.parse("https://attacker.com");

  private final List<String> signedPaths = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final ManualClock clock = new ManualClock();
  private final SignatureRequester network = (path, payload) -> {
    signedPaths.add(path);
    byte[] r = new byte[33];
    r[0] = 2;
    r[32] = 1;
    byte[] s = new byte[32];
    s[31] = 1;
    return new SignResult(r, s, 0);
  };
  private final ConsentingSigner signer = new ConsentingSigner(
      network, ConsentPolicy.standard(), new ApprovalMemory(clock, Duration.ofMinutes(10)), audit::add, clock);

  private static SignRequest request(RequestOrigin origin, String key, SignablePayload payload) {
    return new SignRequest("r1", origin, WalletKey.parse(key), payload);
  }

  /** A user who answers every prompt with {@code choice} and counts the prompts. */
  private static UserConsent answering(UserChoice choice, AtomicInteger prompts) {
    return (request, prompt) -> {
      prompts.incrementAndGet();
      return CompletableFuture.completedFuture(choice);
    };
  }

  private SignOutcome run(SignRequest request, UserConsent consent) {
    return signer.sign(request, consent).toCompletableFuture().join();
  }

  @Test
  void ownDomainKeySignsWithoutAskingAndSendsTheCanonicalPath() {
    AtomicInteger prompts = new AtomicInteger();
    SignOutcome outcome = run(request(NEAR_ORG, "david.near,bitcoin,near.org,", SpecPayloads.send100Btc()),
        answering(UserChoice.reject(), prompts));
    assertThat(outcome).isInstanceOf(SignOutcome.Signed.class);
    assertThat(prompts).hasValue(0);
    assertThat(signedPaths).containsExactly("{\"chain\":0,\"domain\":\"near.org\"}");
    assertThat(audit).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("signed");
      assertThat(e.flow()).isEqualTo(ConsentFlow.OWN_DOMAIN_KEY);
      assertThat(e.shownText()).startsWith("Signed without confirmation");
    });
  }

  @Test
  void rejectionNeverReachesTheSigner() {
    SignOutcome outcome = run(request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Btc()),
        answering(UserChoice.reject(), new AtomicInteger()));
    assertThat(outcome).isInstanceOf(SignOutcome.Refused.class);
    assertThat(outcome.text()).startsWith("Rejected by the user.");
    assertThat(signedPaths).isEmpty();
    assertThat(audit).singleElement().extracting(AuditEntry::outcome).isEqualTo("refused");
  }

  @Test
  void aButtonThatIsNotOnThePromptDoesNotApprove() {
    SignOutcome outcome = run(request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Btc()),
        answering(new UserChoice(ConsentButton.ACCEPT_SUSPICIOUS, false), new AtomicInteger()));
    assertThat(outcome).isInstanceOf(SignOutcome.Refused.class);
    assertThat(signedPaths).isEmpty();
  }

  @Test
  void aFailedOrMissingAnswerIsARefusal() {
    UserConsent broken = (request, prompt) -> CompletableFuture.failedFuture(new IllegalStateException("closed"));
    assertThat(run(request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Btc()), broken))
        .isInstanceOf(SignOutcome.Refused.class);
    UserConsent throwing = (request, prompt) -> {
      throw new IllegalStateException("no screen");
    };
    assertThat(run(request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Btc()), throwing))
        .isInstanceOf(SignOutcome.Refused.class);
    assertThat(signedPaths).isEmpty();
  }

  @Test
  void rememberedApprovalsHoldPerOriginAndKeyForABoundedTime() {
    AtomicInteger prompts = new AtomicInteger();
    UserConsent acceptAndRemember = answering(new UserChoice(ConsentButton.ACCEPT, true), prompts);
    SignRequest personal = request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Btc());
    assertThat(run(personal, acceptAndRemember)).isInstanceOf(SignOutcome.Signed.class);
    assertThat(run(personal, acceptAndRemember)).isInstanceOf(SignOutcome.Signed.class)
        .extracting(SignOutcome::text).asString().startsWith("Signed without asking again");
    assertThat(prompts).hasValue(1);
    // Another origin, or another key, asks again.
    run(request(RequestOrigin.parse("https://app.near.org"), "david.near,bitcoin,", SpecPayloads.send100Btc()), acceptAndRemember);
    run(request(NEAR_ORG, "david.near,bitcoin,,{\"id\":2}", SpecPayloads.send100Btc()), acceptAndRemember);
    assertThat(prompts).hasValue(3);
    // After the bound, it asks again.
    clock.now = clock.now.plus(Duration.ofMinutes(10));
    run(personal, acceptAndRemember);
    assertThat(prompts).hasValue(4);
  }

  @Test
  void anotherDomainsKeyIsNeverRemembered() {
    AtomicInteger prompts = new AtomicInteger();
    UserConsent acceptAndRemember = answering(new UserChoice(ConsentButton.ACCEPT_SUSPICIOUS, true), prompts);
    SignRequest suspicious = request(ATTACKER, "david.near,bitcoin,near.org,", SpecPayloads.send100Btc());
    assertThat(run(suspicious, acceptAndRemember)).isInstanceOf(SignOutcome.Signed.class);
    assertThat(run(suspicious, acceptAndRemember)).isInstanceOf(SignOutcome.Signed.class);
    assertThat(prompts).hasValue(2);
  }

  @Test
  void blindSigningIsNeverRemembered() {
    AtomicInteger prompts = new AtomicInteger();
    UserConsent acceptAndRemember = answering(new UserChoice(ConsentButton.ACCEPT, true), prompts);
    SignRequest blind = request(NEAR_ORG, "david.near,evm,", SpecPayloads.blind());
    run(blind, acceptAndRemember);
    run(blind, acceptAndRemember);
    assertThat(prompts).hasValue(2);
  }

  @Test
  void unsignablePayloadsAndChainMismatchesAreRefusedBeforeAnyPrompt() {
    AtomicInteger prompts = new AtomicInteger();
    UserConsent accept = answering(new UserChoice(ConsentButton.ACCEPT, false), prompts);
    SignOutcome mismatch = run(request(NEAR_ORG, "david.near,bitcoin,", SpecPayloads.send100Bnb()), accept);
    assertThat(mismatch).isInstanceOf(SignOutcome.Refused.class);
    assertThat(mismatch.flow()).isEqualTo(ConsentFlow.REFUSED);
    assertThat(prompts).hasValue(0);
    assertThat(signedPaths).isEmpty();
  }

  @Test
  void approvalMemoryRefusesUnboundedDurations() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApprovalMemory(clock, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
