package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals and transitions not covered elsewhere: respond around reshares, value validation. */
class MoreRefusalsTest {
  private final ContractFixture f = new ContractFixture();

  @Test
  void respondBeforeInitIsRefused() {
    RequestKey key = new RequestKey("11".repeat(32), PAYLOAD, 0);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 1), key, f.root.sign(key)))
        .hasMessageContaining("not initialized");
  }

  @Test
  void whileResharingTheOldSetRespondsAndAfterwardsTheNewOne() {
    f.running();
    ThresholdParameters next = new ThresholdParameters(List.of(participant(N4, 3)), 1);
    f.contract.voteNewParameters(call(N1, 3), 1, next);
    f.contract.voteNewParameters(call(N2, 3), 1, next);
    RequestKey a = f.sign("a", 4);
    assertThatThrownBy(() -> f.contract.respond(call(N4, 5), a, f.root.sign(a))).hasMessageContaining("not a participant");
    assertThat(f.contract.respond(call(N1, 5), a, f.root.sign(a))).hasSize(1);
    f.contract.voteReshared(call(N4, 6), 1);
    RequestKey b = f.sign("b", 7);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 8), b, f.root.sign(b))).hasMessageContaining("not a participant");
    assertThat(f.contract.respond(call(N4, 8), b, f.root.sign(b))).hasSize(1);
  }

  @Test
  void valuesAreValidated() {
    assertThatThrownBy(() -> new Domain(-1, SignatureScheme.Secp256k1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new Domain(0, null)).hasMessageContaining("no scheme");
    assertThatThrownBy(() -> new Participant(N1, 0, " ", "ed25519:x")).hasMessageContaining("no url");
    assertThatThrownBy(() -> new Participant(N1, 0, "u", "")).hasMessageContaining("tls_public_key");
    assertThatThrownBy(() -> new Participant(N1, -1, "u", "k")).hasMessageContaining("negative");
    assertThatThrownBy(() -> new RequestKey("AB".repeat(32), PAYLOAD, 0)).hasMessageContaining("tweak");
    assertThatThrownBy(() -> new ContractConfig(0, 1)).hasMessageContaining("at least one block");
    assertThatThrownBy(() -> new CallContext(SIGNER, ALICE, BigInteger.valueOf(-1), 1, ENTROPY))
        .hasMessageContaining("deposit");
    assertThatThrownBy(() -> new SignatureResponse(f.root.publicKey().point(), io.chainsig.crypto.Secp256k1Scalar.ONE, 2))
        .hasMessageContaining("recovery_id");
  }

  @Test
  void eddsaDomainsHoldKeysButDoNotSignYet() {
    f.contract.init(call(SIGNER, 1), threeOfTwo(), List.of(new Domain(0, SignatureScheme.Ed25519)));
    var ed = io.chainsig.derivation.NearPublicKey.parse("ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp");
    f.contract.votePk(call(N1, 2), 0, ed);
    f.contract.votePk(call(N2, 2), 0, ed);
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.derivedPublicKey("p", ALICE, 0)).isInstanceOf(io.chainsig.derivation.Ed25519PublicKey.class);
    assertThatThrownBy(() -> f.sign("c", 3)).hasMessageContaining("only Ecdsa payloads");
    RequestKey key = new RequestKey("11".repeat(32), PAYLOAD, 0);
    assertThatThrownBy(() -> f.contract.respond(call(N1, 3), key, f.root.sign(key))).hasMessageContaining("no pending request");
  }

  @Test
  void stateViewPerPhase() throws Exception {
    var view = (java.util.function.Supplier<String>) () ->
        new String(SignerContractAbi.view(f.contract, "state", new byte[0]), StandardCharsets.UTF_8);
    assertThat(view.get()).isEqualTo("{\"NotInitialized\":null}");
    f.initialized();
    assertThat(view.get()).startsWith("{\"Initializing\":{\"epoch\":0,");
    f.contract.votePk(call(N1, 2), 0, f.root.publicKey());
    assertThat(view.get()).contains("\"votes\":{\"pk:0:" + f.root.publicKey().toNearString() + "\":[\"n1.test.near\"]}");
    f.contract.votePk(call(N2, 2), 0, f.root.publicKey());
    assertThat(view.get()).startsWith("{\"Running\":").contains("\"keys\":{\"0\":\"" + f.root.publicKey().toNearString() + "\"}");
    assertThat(new String(SignerContractAbi.view(f.contract, "latest_key_version", new byte[0]), StandardCharsets.UTF_8))
        .isEqualTo("0");
  }
}
