package io.chainsig.sandbox.chain;

import static io.chainsig.sandbox.chain.ChainFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.ContractJson;
import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.SignatureResponse;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.contract.TestRootKey;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.sandbox.state.ExecutionStatus;
import io.chainsig.near.tx.Action;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain keeps decoded contracts between calls: whatever happens (failed batches, rollbacks,
 * timeouts, reopens), every view equals the view of a contract freshly decoded from the stored
 * state, as when every call decoded it.
 */
class LiveContractsChainTest {
  private static final String SIGNER = "signer.test.near";
  private static final String PAYLOAD = "2a".repeat(32);
  private final ChainFixture f = new ChainFixture();
  private final TestRootKey mpc = TestRootKey.fixed();
  private final List<ValidatorKey> nodes = new ArrayList<>();
  private ValidatorKey alice;

  /** Three participants, threshold 2, Running; alice exists. */
  private void runningSigner() throws Exception {
    ValidatorKey signer = f.createAccount(SIGNER);
    alice = f.createAccount("alice.test.near");
    for (int i = 0; i < 3; i++) {
      nodes.add(f.createAccount("node" + i + ".test.near"));
    }
    f.submit(f.tx(signer, SIGNER, new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    f.submit(f.tx(signer, SIGNER, call("init", "{\"parameters\":" + parameters("https://n") + ","
        + "\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}", BigInteger.ZERO)));
    for (int i = 0; i < 2; i++) {
      f.submit(f.tx(nodes.get(i), SIGNER, call("vote_pk",
          "{\"domain_id\":0,\"public_key\":\"" + mpc.publicKey().toNearString() + "\"}", BigInteger.ZERO)));
    }
    f.block();
    assertThat(view("state")).startsWith("{\"Running\"");
  }

  private String parameters(String url) {
    StringBuilder p = new StringBuilder("{\"participants\":[");
    for (int i = 0; i < nodes.size(); i++) {
      p.append(i == 0 ? "" : ",").append("[\"node").append(i).append(".test.near\",").append(i)
          .append(",{\"url\":\"").append(url).append("\",\"tls_public_key\":\"")
          .append(nodes.get(i).publicKey()).append("\"}]");
    }
    return p.append("],\"threshold\":2}").toString();
  }

  private String view(String method) {
    return new String(f.chain.view(SIGNER, method, "{}".getBytes(StandardCharsets.UTF_8)).orElseThrow().value(),
        StandardCharsets.UTF_8);
  }

  /** The cached views equal those of a contract decoded from the stored bytes. */
  private void viewsMatchAFreshDecode() {
    byte[] stored = f.chain.account(SIGNER).orElseThrow().contractState().bytes();
    for (String method : List.of("state", "pending_requests")) {
      String fresh = new String(SignerContractAbi.view(ContractStateCodec.decode(stored), method,
          "{}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      assertThat(view(method)).as(method).isEqualTo(fresh);
    }
  }

  private RequestKey key(String path) {
    return new RequestKey(DerivationTweak.of(NearAccountId.of("alice.test.near"), path).toHex(), PAYLOAD, 0);
  }

  private Action.FunctionCall sign(String path) {
    return call("sign", "{\"request\":{\"path\":\"" + path + "\",\"payload_v2\":{\"Ecdsa\":\"" + PAYLOAD
        + "\"},\"domain_id\":0}}", BigInteger.ONE);
  }

  private static Action.FunctionCall respond(RequestKey key, SignatureResponse sig) {
    return call("respond", "{\"request\":" + ContractJson.requestKeyJson(key) + ",\"response\":"
        + ContractJson.responseJson(sig) + "}", BigInteger.ZERO);
  }

  private int pendingCount() throws Exception {
    return ChainCodec.MAPPER.readTree(view("pending_requests")).size();
  }

  @Test
  void aBatchThatFailsHalfWayLeavesTheRequestsPending() throws Exception {
    runningSigner();
    f.submit(f.tx(alice, SIGNER, sign("a")));
    f.submit(f.tx(alice, SIGNER, sign("b")));
    viewsMatchAFreshDecode();
    // the first respond of the batch succeeds on the kept contract, the second is refused: the
    // whole transaction rolls back, so "a" must still be pending
    TxRecord failed = f.submit(f.tx(nodes.get(0), SIGNER, respond(key("a"), mpc.sign(key("a"))),
        respond(key("b"), TestRootKey.fixedOther().sign(key("b")))));
    assertThat(failed.status()).isInstanceOf(ExecutionStatus.Failure.class);
    assertThat(pendingCount()).isEqualTo(2);
    viewsMatchAFreshDecode();
    // here the respond's new state is written (another kind of action follows), then that action
    // fails and the world rolls back to the old state: the kept contract no longer matches it
    TxRecord rolledBack = f.submit(f.tx(nodes.get(0), SIGNER, respond(key("a"), mpc.sign(key("a"))),
        new Action.DeleteKey(nodes.get(0).publicKey())));
    assertThat(rolledBack.status().toString()).contains("ActorNoPermission");
    assertThat(pendingCount()).isEqualTo(2);
    viewsMatchAFreshDecode();
    TxRecord done = f.submit(f.tx(nodes.get(1), SIGNER, respond(key("a"), mpc.sign(key("a"))),
        respond(key("b"), mpc.sign(key("b")))));
    assertThat(done.status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
    assertThat(pendingCount()).isZero();
    viewsMatchAFreshDecode();
  }

  @Test
  void aSignThatPanicsAfterChangingTheContractLeavesNothingBehind() throws Exception {
    runningSigner();
    TxRecord r = f.submit(f.tx(alice, SIGNER, sign("c"), new Action.Transfer(BigInteger.ONE)));
    assertThat(r.status().toString()).contains("sign must be the last action");
    assertThat(pendingCount()).isZero();
    viewsMatchAFreshDecode();
    f.submit(f.tx(alice, SIGNER, sign("c")));
    assertThat(pendingCount()).isEqualTo(1);
    viewsMatchAFreshDecode();
  }

  @Test
  void timeoutsAndReopensKeepViewsInStepWithTheStoredState() throws Exception {
    runningSigner();
    f.submit(f.tx(alice, SIGNER, sign("t")));
    for (int i = 0; i < 201; i++) {
      f.block();
    }
    assertThat(pendingCount()).isZero();
    viewsMatchAFreshDecode();
    f.submit(f.tx(alice, SIGNER, sign("u")));
    f.block();
    f.reopen();
    assertThat(pendingCount()).isEqualTo(1);
    viewsMatchAFreshDecode();
    f.submit(f.tx(nodes.get(2), SIGNER, respond(key("u"), mpc.sign(key("u")))));
    assertThat(pendingCount()).isZero();
    viewsMatchAFreshDecode();
  }

  @Test
  void callsAreEncodedWhenTheirBlockIsStoredAndARestartContinuesFromThatBlock() throws Exception {
    runningSigner();
    f.submit(f.tx(alice, SIGNER, sign("e")));
    f.submit(f.tx(alice, SIGNER, sign("f")));
    // the calls' state is not encoded yet, and views read it all the same
    assertThat(f.chain.account(SIGNER).orElseThrow().contractState()).hasToString("ContractState[not encoded yet]");
    assertThat(pendingCount()).isEqualTo(2);
    f.block();
    byte[] stored = f.chain.account(SIGNER).orElseThrow().contractState().bytes();
    viewsMatchAFreshDecode();
    // a call after the block is lost with its unproduced block on a restart
    f.submit(f.tx(alice, SIGNER, sign("g")));
    assertThat(pendingCount()).isEqualTo(3);
    f.reopen();
    assertThat(f.chain.account(SIGNER).orElseThrow().contractState().bytes()).isEqualTo(stored);
    assertThat(pendingCount()).isEqualTo(2);
    viewsMatchAFreshDecode();
  }

  @Test
  void argumentsWithUnpairedSurrogatesActAsIfTheStateWereDecodedForEveryCall() throws Exception {
    runningSigner();
    // The url holds an unpaired surrogate, which the UTF-8 state encoding turns into '?': the
    // second vote is on another topic than the first as stored, so the proposal is not adopted.
    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + parameters("https://\\ud800") + "}";
    for (int i = 0; i < 2; i++) {
      TxRecord r = f.submit(f.tx(nodes.get(i), SIGNER, call("vote_new_parameters", vote, BigInteger.ZERO)));
      assertThat(r.status()).isInstanceOf(ExecutionStatus.SuccessValue.class);
    }
    assertThat(view("state")).startsWith("{\"Running\"");
    viewsMatchAFreshDecode();
  }
}
