package io.chainsig.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.contract.CallContext;
import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node's reading of the real contract's {@code state} view around a cancelled reshare. */
class ContractSnapshotParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NearAccountId CONTRACT = NearAccountId.of("signer.test.near");
  private final SignerContract contract = new SignerContract(ContractConfig.defaults());
  private long height = 1;

  /** The {@code parameters} JSON of {@code n} participants node1..nodeN, threshold 2. */
  static String participants(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(i == 1 ? "" : ",").append("[\"node").append(i).append(".test.near\",").append(i)
          .append(",{\"url\":\"127.0.0.1:700").append(i).append("\",\"tls_public_key\":\"ed25519:11111111111111111111111111111111\"}]");
    }
    return "{\"participants\":[" + b + "],\"threshold\":2}";
  }

  private void call(String who, String method, String args) {
    CallContext ctx = new CallContext(CONTRACT, NearAccountId.of(who), BigInteger.ZERO, height++, "ab".repeat(32));
    SignerContractAbi.call(contract, ctx, method, args.getBytes(StandardCharsets.UTF_8), "c" + height);
  }

  private JsonNode state() throws Exception {
    return JSON.readTree(SignerContractAbi.view(contract, "state", new byte[0]));
  }

  @Test
  void theProspectiveEpochFollowsCancellations() throws Exception {
    call("signer.test.near", "init", "{\"parameters\":" + participants(3) + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}");
    String key = new Secp256k1PublicKey(Secp256k1Point.generatorTimes(Secp256k1Scalar.ONE)).toNearString();
    call("node1.test.near", "vote_pk", "{\"domain_id\":0,\"public_key\":\"" + key + "\"}");
    call("node2.test.near", "vote_pk", "{\"domain_id\":0,\"public_key\":\"" + key + "\"}");
    ContractSnapshot running = ContractSnapshotParser.parse(state(), JSON.createArrayNode());
    assertThat(running.phase()).isEqualTo(ContractPhase.Running);
    assertThat(running.epoch()).isZero();
    assertThat(running.prospectiveEpoch()).isEqualTo(1);

    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + participants(4) + "}";
    call("node1.test.near", "vote_new_parameters", vote);
    call("node2.test.near", "vote_new_parameters", vote);
    ContractSnapshot resharing = ContractSnapshotParser.parse(state(), JSON.createArrayNode());
    assertThat(resharing.phase()).isEqualTo(ContractPhase.Resharing);
    assertThat(resharing.prospectiveEpoch()).isEqualTo(1);
    assertThat(resharing.proposed()).map(p -> p.participants().size()).contains(4);

    call("node1.test.near", "vote_cancel_resharing", "{}");
    call("node3.test.near", "vote_cancel_resharing", "{}");
    ContractSnapshot cancelled = ContractSnapshotParser.parse(state(), JSON.createArrayNode());
    assertThat(cancelled.phase()).isEqualTo(ContractPhase.Running);
    assertThat(cancelled.epoch()).isZero();
    assertThat(cancelled.prospectiveEpoch()).isEqualTo(2);
    assertThat(cancelled.proposed()).isEmpty();
    assertThat(cancelled.participants()).hasSize(3);
  }

  @Test
  void aViewWithoutAProspectiveEpochMeansTheNextOne() throws Exception {
    JsonNode legacy = JSON.readTree("{\"Running\":{\"epoch\":4,\"parameters\":" + participants(3) + ",\"keys\":{},\"votes\":{}}}");
    ContractSnapshot s = ContractSnapshotParser.parse(legacy, JSON.createArrayNode());
    assertThat(s.epoch()).isEqualTo(4);
    assertThat(s.prospectiveEpoch()).isEqualTo(5);
  }

  @Test
  void epochsOutOfOrderAreRefused() throws Exception {
    JsonNode bad = JSON.readTree("{\"Running\":{\"epoch\":4,\"prospective_epoch_id\":4,\"parameters\":" + participants(3) + "}}");
    assertThatThrownBy(() -> ContractSnapshotParser.parse(bad, JSON.createArrayNode()))
        .isInstanceOf(io.chainsig.near.rpc.ChainException.class).hasMessageContaining("epochs out of order");
    assertThatThrownBy(() -> new ContractSnapshot(ContractPhase.Running, 2, List.of(), 1, Optional.empty(), List.of(),
        List.of(), Optional.empty(), List.of(), 1)).hasMessageContaining("prospective epoch 1");
  }

  @Test
  void pendingRequestsAreReadOnTheirOwnAndMalformedOnesRefused() throws Exception {
    String good = "{\"request\":{\"tweak\":\"" + "aa".repeat(32) + "\",\"payload\":{\"Ecdsa\":\"" + "01".repeat(32)
        + "\"},\"domain_id\":0},\"predecessor\":\"alice.test.near\",\"path\":\"p\",\"block_height\":7,\"entropy\":\""
        + "ab".repeat(32) + "\"}";
    List<PendingSign> pending = ContractSnapshotParser.parsePending(JSON.readTree("[" + good + "]"));
    assertThat(pending).containsExactly(
        new PendingSign("aa".repeat(32), "01".repeat(32), 0, "alice.test.near", "p", 7, "ab".repeat(32)));
    assertThat(ContractSnapshotParser.parse(JSON.readTree("{\"Running\":{\"epoch\":4,\"parameters\":" + participants(3) + "}}"),
        JSON.readTree("[" + good + "]")).pending()).isEqualTo(pending);
    for (String bad : new String[] {"[{}]", "[" + good.replace("\"" + "01".repeat(32), "\"0g" + "01".repeat(31)) + "]",
        "[" + good.replace("\"entropy\"", "\"entropi\"") + "]"}) {
      assertThatThrownBy(() -> ContractSnapshotParser.parsePending(JSON.readTree(bad)))
          .as(bad)
          .isInstanceOf(io.chainsig.near.rpc.ChainException.class)
          .hasMessageStartingWith("unexpected contract view JSON: ");
    }
  }

  @Test
  void aSnapshotTakesOtherPendingRequestsAndKeepsTheRest() throws Exception {
    ContractSnapshot s = ContractSnapshotParser.parse(
        JSON.readTree("{\"Running\":{\"epoch\":4,\"parameters\":" + participants(3) + "}}"), JSON.createArrayNode());
    PendingSign r = new PendingSign("aa".repeat(32), "01".repeat(32), 0, "alice.test.near", "p", 7, "ab".repeat(32));
    ContractSnapshot with = s.withPending(List.of(r));
    assertThat(with.pending()).containsExactly(r);
    assertThat(with.withPending(List.of())).isEqualTo(s);
  }
}
