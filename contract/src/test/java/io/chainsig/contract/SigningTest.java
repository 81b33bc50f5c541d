package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningTest {
  private final ContractFixture f = new ContractFixture().running();

  @Test
  void signStaysPendingAndRespondResolvesIt() {
    RequestKey key = f.sign("call-1", 10);
    assertThat(key.tweakHex()).isEqualTo(DerivationTweak.of(ALICE, "btc/0").toHex());
    assertThat(f.contract.pendingRequests()).singleElement()
        .satisfies(p -> {
          assertThat(p.predecessor()).isEqualTo(ALICE);
          assertThat(p.path()).isEqualTo("btc/0");
          assertThat(p.entropy()).isEqualTo(ENTROPY);
          assertThat(p.blockHeight()).isEqualTo(10);
        });
    SignatureResponse sig = f.root.sign(key);
    List<Resolution> resolved = f.contract.respond(call(N1, 11), key, sig);
    assertThat(resolved).containsExactly(new Resolution.Signed("call-1", ContractJson.responseJson(sig)));
    assertThat(f.contract.pendingRequests()).isEmpty();
  }

  @Test
  void identicalRequestsShareOneResponse() {
    RequestKey a = f.sign("call-1", 10);
    RequestKey b = f.sign("call-2", 11);
    assertThat(b).isEqualTo(a);
    assertThat(f.contract.pendingRequests()).singleElement()
        .satisfies(p -> assertThat(p.waiting()).extracting(WaitingCall::callId).containsExactly("call-1", "call-2"));
    List<Resolution> resolved = f.contract.respond(call(N2, 12), a, f.root.sign(a));
    assertThat(resolved).extracting(Resolution::callId).containsExactly("call-1", "call-2");
  }

  @Test
  void fanOutIsCapped() {
    int cap = ContractConfig.DEFAULT_MAX_WAITING_CALLS_PER_REQUEST;
    for (int i = 0; i < cap; i++) {
      f.sign("call-" + i, 10);
    }
    assertThatThrownBy(() -> f.sign("one-too-many", 10)).hasMessageContaining("too many identical");
    assertThat(f.contract.pendingRequests().get(0).waiting()).hasSize(cap);
  }

  @Test
  void signRefusals() {
    SignArgs ok = new SignArgs("p", PAYLOAD, 0);
    assertThatThrownBy(() -> f.contract.sign(call(ALICE, 10), ok, "c"))
        .hasMessageContaining("at least 1 yoctoNEAR");
    assertThatThrownBy(() -> f.contract.sign(signCall(10), new SignArgs("p", "00".repeat(32), 0), "c"))
        .hasMessageContaining("must not be zero");
    String n = Hex.encode(io.chainsig.crypto.Bytes.toFixed(Secp256k1.N, 32));
    assertThatThrownBy(() -> f.contract.sign(signCall(10), new SignArgs("p", n, 0), "c"))
        .hasMessageContaining("not below n");
    assertThatThrownBy(() -> f.contract.sign(signCall(10), new SignArgs("p", PAYLOAD, 3), "c"))
        .hasMessageContaining("unknown domain 3");
    assertThatThrownBy(() -> new SignArgs("p", "abcd", 0)).hasMessageContaining("32 bytes");
    assertThat(f.contract.pendingRequests()).isEmpty();
  }

  @Test
  void signRefusedBeforeRunning() {
    ContractFixture fresh = new ContractFixture();
    assertThatThrownBy(() -> fresh.sign("c", 1)).hasMessageContaining("not running");
    fresh.initialized();
    assertThatThrownBy(() -> fresh.sign("c", 1)).hasMessageContaining("not running");
  }

  @Test
  void respondOnlyFromParticipants() {
    RequestKey key = f.sign("c", 10);
    assertThatThrownBy(() -> f.contract.respond(call(ALICE, 11), key, f.root.sign(key)))
        .hasMessageContaining("not a participant");
    assertThat(f.contract.pendingRequests()).hasSize(1);
  }

  @Test
  void wrongSignatureIsRejectedAndRequestStaysPending() {
    RequestKey key = f.sign("c", 10);
    // signed by another root key
    SignatureResponse wrongKey = TestRootKey.fixedOther().sign(key);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 11), key, wrongKey))
        .hasMessageContaining("does not verify");
    // signature of another payload
    RequestKey other = new RequestKey(key.tweakHex(), "02".repeat(32), 0);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 11), key, f.root.sign(other)))
        .hasMessageContaining("does not verify");
    SignatureResponse good = f.root.sign(key);
    // high s
    SignatureResponse high = new SignatureResponse(good.bigR(), good.s().negate(), 1 - good.recoveryId());
    assertThatThrownBy(() -> f.contract.respond(call(N1, 11), key, high)).hasMessageContaining("not low");
    // wrong recovery id
    SignatureResponse badId = new SignatureResponse(good.bigR(), good.s(), 1 - good.recoveryId());
    assertThatThrownBy(() -> f.contract.respond(call(N1, 11), key, badId)).hasMessageContaining("recovery_id");
    assertThat(f.contract.pendingRequests()).hasSize(1);
    assertThat(f.contract.respond(call(N1, 12), key, good)).hasSize(1);
  }

  @Test
  void respondToUnknownRequestIsRefused() {
    RequestKey key = new RequestKey("11".repeat(32), PAYLOAD, 0);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 11), key, f.root.sign(key)))
        .hasMessageContaining("no pending request");
  }

  @Test
  void requestsTimeOutAfterTheConfiguredBlocks() {
    f.sign("c1", 10);
    f.sign("c2", 50);
    assertThat(f.contract.onBlock(209)).isEmpty();
    List<Resolution> timedOut = f.contract.onBlock(210);
    assertThat(timedOut).singleElement().isInstanceOfSatisfying(Resolution.Failed.class, r -> {
      assertThat(r.callId()).isEqualTo("c1");
      assertThat(r.message()).contains("timed out").contains("200 blocks");
    });
    assertThat(f.contract.pendingRequests()).singleElement()
        .satisfies(p -> assertThat(p.waiting()).extracting(WaitingCall::callId).containsExactly("c2"));
    assertThat(f.contract.onBlock(250)).extracting(Resolution::callId).containsExactly("c2");
    assertThat(f.contract.pendingRequests()).isEmpty();
  }

  @Test
  void derivedPublicKeyIsRootPlusTweak() {
    assertThat(f.contract.derivedPublicKey("btc/0", ALICE, 0))
        .isEqualTo(KeyDerivation.deriveSecp256k1(f.root.publicKey(), ALICE, "btc/0"));
    assertThatThrownBy(() -> f.contract.publicKey(9)).hasMessageContaining("unknown domain");
  }

  @Test
  void ecdsaCheckAcceptsTheHelpersSignatures() {
    for (int i = 1; i < 20; i++) {
      String payload = Hex.encode(io.chainsig.crypto.Bytes.toFixed(BigInteger.valueOf(i * 7919L), 32));
      RequestKey key = new RequestKey(DerivationTweak.of(ALICE, "p" + i).toHex(), payload, 0);
      SignatureResponse sig = f.root.sign(key);
      var derived = KeyDerivation.deriveSecp256k1(f.root.publicKey(), ALICE, "p" + i);
      assertThat(EcdsaCheck.failure(derived.point(),
          io.chainsig.crypto.Secp256k1Scalar.fromBytes(Hex.decode(payload)), sig)).isEmpty();
    }
  }
}
