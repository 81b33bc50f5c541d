package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.KeyDerivation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AbiTest {
  private final ContractFixture f = new ContractFixture();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode view(String method, String args) throws Exception {
    return ContractJson.MAPPER.readTree(SignerContractAbi.view(f.contract, method, utf8(args)));
  }

  private CallOutcome call(io.chainsig.derivation.NearAccountId who, String method, String args) {
    return SignerContractAbi.call(f.contract, ContractFixture.call(who, 5, BigInteger.ONE), method, utf8(args), "cid");
  }

  @Test
  void governanceThroughJson() throws Exception {
    assertThat(view("state", "").has("NotInitialized")).isTrue();
    String participants = "{\"participants\":[[\"n1.test.near\",0,{\"url\":\"https://n1:1\",\"tls_public_key\":\"ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp\"}]],\"threshold\":1}";
    call(SIGNER, "init", "{\"parameters\":" + participants + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}");
    assertThat(view("state", "{}").get("Initializing").get("parameters").get("threshold").asInt()).isEqualTo(1);
    CallOutcome voted = call(N1, "vote_pk", "{\"domain_id\":0,\"public_key\":\"" + f.root.publicKey().toNearString() + "\"}");
    assertThat(((CallOutcome.Returned) voted).valueJson()).isEqualTo("\"Running\"");
    assertThat(view("public_key", "{}").asText()).isEqualTo(f.root.publicKey().toNearString());
    assertThat(view("derived_public_key", "{\"path\":\"eth/1\",\"predecessor\":\"alice.test.near\"}").asText())
        .isEqualTo(KeyDerivation.deriveSecp256k1(f.root.publicKey(), ALICE, "eth/1").toNearString());
    assertThat(view("config", "").get("request_timeout_blocks").asLong()).isEqualTo(200);
    assertThat(((CallOutcome.Returned) call(N1, "vote_new_parameters",
        "{\"prospective_epoch_id\":1,\"proposal\":" + participants.replace("n1.test.near", "n2.test.near") + "}")).valueJson())
        .isEqualTo("\"Resharing\"");
    assertThat(((CallOutcome.Returned) call(N2, "vote_reshared", "{\"epoch_id\":1}")).valueJson())
        .isEqualTo("\"Running\"");
    assertThat(view("state", "").get("Running").get("epoch").asLong()).isEqualTo(1);
  }

  @Test
  void signBothFormatsAndRespondThroughJson() throws Exception {
    f.running();
    CallOutcome v2 = call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload_v2\":{\"Ecdsa\":\"" + PAYLOAD.toUpperCase() + "\"},\"domain_id\":0}}");
    StringBuilder bytes = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      bytes.append(i == 0 ? "" : ",").append(1);
    }
    CallOutcome legacy = call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload\":[" + bytes + "],\"key_version\":0}}");
    RequestKey key = ((CallOutcome.Pending) v2).key();
    assertThat(((CallOutcome.Pending) legacy).key()).isEqualTo(key);
    JsonNode pending = view("pending_requests", "");
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("waiting_calls").asInt()).isEqualTo(2);
    assertThat(ContractJson.requestKey(pending.get(0).get("request"))).isEqualTo(key);

    SignatureResponse sig = f.root.sign(key);
    String respondArgs = "{\"request\":" + ContractJson.requestKeyJson(key) + ",\"response\":" + ContractJson.responseJson(sig) + "}";
    CallOutcome.Returned r = (CallOutcome.Returned) call(N1, "respond", respondArgs);
    assertThat(r.resolutions()).hasSize(2);
    JsonNode json = ContractJson.MAPPER.readTree(((Resolution.Signed) r.resolutions().get(0)).responseJson());
    assertThat(json.get("scheme").asText()).isEqualTo("Secp256k1");
    assertThat(json.get("big_r").get("affine_point").asText()).hasSize(66);
    assertThat(json.get("s").get("scalar").asText()).hasSize(64);
    assertThat(json.get("recovery_id").asInt()).isBetween(0, 1);
    assertThat(ContractJson.response(json)).isEqualTo(sig);
  }

  @Test
  void argumentRefusals() {
    f.running();
    assertThatThrownBy(() -> call(ALICE, "sign", "not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> call(ALICE, "sign", "[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> call(ALICE, "sign", "{}")).hasMessageContaining("missing field `request`");
    assertThatThrownBy(() -> call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload_v2\":{\"Eddsa\":\"00\"}}}"))
        .hasMessageContaining("Eddsa");
    assertThatThrownBy(() -> call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload\":[1,2]}}"))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload_v2\":{\"Ecdsa\":\"zz\"}}}"))
        .hasMessageContaining("64 hex");
    String bytes = "1,".repeat(31) + "1";
    assertThatThrownBy(() -> call(ALICE, "sign", "{\"request\":{\"path\":\"a\",\"payload\":[" + bytes + "],\"key_version\":1}}"))
        .hasMessageContaining("key_version");
    assertThatThrownBy(() -> call(N1, "respond", "{\"request\":{\"tweak\":\"" + "11".repeat(32) + "\",\"payload\":{\"Ecdsa\":\"" + PAYLOAD + "\"}},\"response\":{\"scheme\":\"Secp256k1\",\"big_r\":{\"affine_point\":\"02\"},\"s\":{\"scalar\":\"01\"},\"recovery_id\":0}}"))
        .hasMessageContaining("big_r");
  }

  @Test
  void unknownMethodsAndChangeMethodsAsViews() {
    assertThatThrownBy(() -> SignerContractAbi.view(f.contract, "nope", new byte[0]))
        .isInstanceOf(MethodNotFoundException.class);
    assertThatThrownBy(() -> SignerContractAbi.view(f.contract, "sign", new byte[0]))
        .isInstanceOf(ProhibitedInViewException.class);
    assertThatThrownBy(() -> call(ALICE, "nope", "{}")).isInstanceOf(MethodNotFoundException.class);
  }

  @Test
  void stateSurvivesTheCodec() throws Exception {
    f.running();
    f.sign("c1", 10);
    f.sign("c2", 11);
    f.contract.voteNewParameters(ContractFixture.call(N1, 12), 1,
        new ThresholdParameters(java.util.List.of(participant(N4, 7)), 1));
    byte[] snapshot = ContractStateCodec.encode(f.contract);
    SignerContract back = ContractStateCodec.decode(snapshot);
    assertThat(ContractStateCodec.encode(back)).isEqualTo(snapshot);
    assertThat(back.pendingRequests()).isEqualTo(f.contract.pendingRequests());
    assertThat(back.phase()).isEqualTo(ContractPhase.Running);
    assertThat(back.votes()).isEqualTo(f.contract.votes());
    assertThatThrownBy(() -> ContractStateCodec.decode(utf8("{\"version\":9}"))).isInstanceOf(IllegalArgumentException.class);
  }
}
