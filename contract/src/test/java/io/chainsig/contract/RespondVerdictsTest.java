package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.derivation.TweakOutOfRangeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A respond with signature checks computed beforehand ({@link RespondVerdicts}) gives what it
 * gives without them, also when the root key is not the one the answers were computed with.
 */
class RespondVerdictsTest {
  private final ContractFixture f = new ContractFixture().running();
  private final TestRootKey other = TestRootKey.fixedOther();

  private static byte[] respondArgs(RequestKey key, SignatureResponse sig) {
    return ("{\"request\":" + ContractJson.requestKeyJson(key) + ",\"response\":" + ContractJson.responseJson(sig)
        + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** What a host computes before the call: the check against the contract as it is now. */
  private RespondVerdicts precheck(SignerContract state, RequestKey key, SignatureResponse sig) {
    RespondVerdicts verdicts = RespondVerdicts.compute(state, List.of(respondArgs(key, sig)));
    assertThat(verdicts.size()).isEqualTo(1);
    return verdicts;
  }

  /** A contract like f's whose domain 0 has {@code other}'s key. */
  private SignerContract contractWithOtherKey() {
    SignerContract c = new SignerContract(ContractConfig.defaults());
    c.init(call(SIGNER, 1), threeOfTwo(), List.of(new Domain(0, SignatureScheme.Secp256k1)));
    c.votePk(call(N1, 2), 0, other.publicKey());
    c.votePk(call(N2, 2), 0, other.publicKey());
    return c;
  }

  @Test
  void aValidResponsePassesWithItsPrecomputedAnswer() {
    RequestKey key = f.sign("c1", 3);
    SignatureResponse sig = f.root.sign(key);
    RespondVerdicts verdicts = precheck(f.contract, key, sig);
    assertThat(verdicts.size()).isEqualTo(1);
    assertThat(verdicts.failure(new RespondCheck(f.root.publicKey().point(), key, sig))).isEmpty();
    CallOutcome out = SignerContractAbi.call(f.contract, call(N1, 4), "respond", respondArgs(key, sig), "r", verdicts);
    assertThat(((CallOutcome.Returned) out).resolutions())
        .containsExactly(new Resolution.Signed("c1", ContractJson.responseJson(sig)));
    assertThat(f.contract.pendingRequests()).isEmpty();
  }

  @Test
  void aWrongSignatureIsRefusedWithTheSameErrorAsWithoutPrecheck() {
    RequestKey key = f.sign("c1", 3);
    SignatureResponse wrong = other.sign(key);
    SignerContract copy = f.contract.copy();
    assertThatThrownBy(() -> copy.respond(call(N1, 4), key, wrong))
        .isInstanceOf(ContractException.class)
        .hasMessage("invalid signature: signature does not verify under the derived key");
    RespondVerdicts verdicts = precheck(f.contract, key, wrong);
    assertThat(verdicts.size()).isEqualTo(1);
    assertThatThrownBy(() -> SignerContractAbi.call(f.contract, call(N1, 4), "respond", respondArgs(key, wrong), "r",
        verdicts))
        .isInstanceOf(ContractException.class)
        .hasMessage("invalid signature: signature does not verify under the derived key");
    assertThat(f.contract.pendingRequests()).hasSize(1);
  }

  @Test
  void answersComputedUnderAnotherRootKeyAreNotUsed() {
    RequestKey key = f.sign("c1", 3);
    SignerContract before = contractWithOtherKey();
    // computed while the key was other's: the real signature looked wrong, the forged one right
    SignatureResponse real = f.root.sign(key);
    SignatureResponse forged = other.sign(key);
    RespondVerdicts stale = RespondVerdicts.compute(List.of(
        SignerContractAbi.respondCheck(before, respondArgs(key, real)).orElseThrow(),
        SignerContractAbi.respondCheck(before, respondArgs(key, forged)).orElseThrow()));
    assertThat(stale.failure(new RespondCheck(other.publicKey().point(), key, forged))).isEmpty();
    assertThatThrownBy(() -> f.contract.respond(call(N1, 4), key, forged, stale))
        .hasMessage("invalid signature: signature does not verify under the derived key");
    assertThat(f.contract.respond(call(N1, 4), key, real, stale)).hasSize(1);
  }

  @Test
  void theCallUsesTheAnswerHeldForItsExactCheck() {
    RequestKey key = f.sign("c1", 3);
    SignatureResponse wrong = other.sign(key);
    // an answer no check would give: it is used, so the call did not compute its own
    RespondVerdicts told = RespondVerdicts.ofAnswers(
        Map.of(new RespondCheck(f.root.publicKey().point(), key, wrong), Optional.empty()));
    assertThat(f.contract.copy().respond(call(N1, 4), key, wrong, told)).hasSize(1);
    RespondVerdicts toldForOtherKey = RespondVerdicts.ofAnswers(
        Map.of(new RespondCheck(other.publicKey().point(), key, wrong), Optional.of("told")));
    assertThatThrownBy(() -> f.contract.respond(call(N1, 4), key, wrong, toldForOtherKey))
        .hasMessage("invalid signature: signature does not verify under the derived key");
  }

  @Test
  void theArgumentsParsedForTheAnswersAreKeptByTheirExactBytes() {
    RequestKey key = f.sign("c1", 3);
    SignatureResponse sig = f.root.sign(key);
    byte[] args = respondArgs(key, sig);
    RespondVerdicts verdicts = RespondVerdicts.compute(f.contract,
        List.of(args, "not json".getBytes(StandardCharsets.UTF_8)));
    assertThat(verdicts.size()).isEqualTo(1);
    assertThat(verdicts.parsed(args.clone())).contains(new RespondCheck(f.root.publicKey().point(), key, sig));
    byte[] spaced = (" " + new String(args, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    assertThat(verdicts.parsed(spaced)).isEmpty();
    assertThat(RespondVerdicts.NONE.parsed(args)).isEmpty();
    // other bytes for the same request and response: parsed by the call, same outcome
    CallOutcome out = SignerContractAbi.call(f.contract, call(N1, 4), "respond", spaced, "r", verdicts);
    assertThat(((CallOutcome.Returned) out).resolutions())
        .containsExactly(new Resolution.Signed("c1", ContractJson.responseJson(sig)));
  }

  @Test
  void respondCheckNeedsParsableArgumentsAndASecp256k1Key() {
    RequestKey key = f.sign("c1", 3);
    SignatureResponse sig = f.root.sign(key);
    assertThat(SignerContractAbi.respondCheck(f.contract, respondArgs(key, sig)))
        .contains(new RespondCheck(f.root.publicKey().point(), key, sig));
    assertThat(SignerContractAbi.respondCheck(f.contract, "{\"request\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(SignerContractAbi.respondCheck(f.contract, "not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    RequestKey otherDomain = new RequestKey(key.tweakHex(), key.payloadHex(), 7);
    assertThat(SignerContractAbi.respondCheck(f.contract, respondArgs(otherDomain, sig))).isEmpty();
    assertThat(SignerContractAbi.respondCheck(new ContractFixture().initialized().contract, respondArgs(key, sig)))
        .isEmpty();
  }

  @Test
  void aCheckThatThrowsGetsNoAnswerAndThrowsWhenTheCallRunsIt() {
    RequestKey outOfRange = new RequestKey("ff".repeat(32), PAYLOAD, 0);
    RespondCheck check = new RespondCheck(f.root.publicKey().point(), outOfRange, f.root.sign(f.sign("c1", 3)));
    RespondVerdicts verdicts = RespondVerdicts.compute(List.of(check));
    assertThat(verdicts.size()).isZero();
    assertThatThrownBy(() -> verdicts.failure(check)).isInstanceOf(TweakOutOfRangeException.class);
    assertThatThrownBy(() -> new RespondCheck(null, outOfRange, check.response()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
