package io.chainsig.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.chainsig.contract.CallContext;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.contract.ContractConfig;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the real contract through JSON-RPC answers shaped as the sandbox's: pending requests on
 * every read, the state on every read except while a {@code Running} state is under a second old.
 */
class RpcContractGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NearAccountId CONTRACT = NearAccountId.of("signer.test.near");
  private final SignerContract contract = new SignerContract(ContractConfig.defaults());
  private final Map<String, Integer> views = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private long height = 1;
  private HttpServer server;
  private RpcContractGateway gateway;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        JsonNode params = JSON.readTree(ex.getRequestBody()).get("params");
        String method = params.get("method_name").asText();
        views.merge(method, 1, Integer::sum);
        byte[] value;
        synchronized (contract) {
          value = SignerContractAbi.view(contract, method, Base64.getDecoder().decode(params.get("args_base64").asText()));
        }
        ObjectNode result = JSON.createObjectNode();
        ArrayNode bytes = result.putArray("result");
        for (byte b : value) {
          bytes.add(b & 0xff);
        }
        result.putArray("logs");
        result.put("block_height", height).put("block_hash", "9zJh");
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("result", result);
        answer.put("id", "cs1");
        byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    });
    server.start();
    NearRpcClient rpc = new NearRpcClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    gateway = new RpcContractGateway(rpc, CONTRACT.value(),
        new NearTransactionSender(rpc, "node1.test.near", "ed25519:11111111111111111111111111111111", new byte[32]),
        clock::get);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String participants(int n) {
    return ContractSnapshotParserTest.participants(n);
  }

  private void call(String who, String method, String args, BigInteger deposit) {
    synchronized (contract) {
      CallContext ctx = new CallContext(CONTRACT, NearAccountId.of(who), deposit, height++, "ab".repeat(32));
      SignerContractAbi.call(contract, ctx, method, args.getBytes(StandardCharsets.UTF_8), "c" + height);
    }
  }

  private void call(String who, String method, String args) {
    call(who, method, args, BigInteger.ZERO);
  }

  private void init() {
    call("signer.test.near", "init", "{\"parameters\":" + participants(3) + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}");
  }

  private void votePks() {
    String key = new Secp256k1PublicKey(Secp256k1Point.generatorTimes(Secp256k1Scalar.ONE)).toNearString();
    call("node1.test.near", "vote_pk", "{\"domain_id\":0,\"public_key\":\"" + key + "\"}");
    call("node2.test.near", "vote_pk", "{\"domain_id\":0,\"public_key\":\"" + key + "\"}");
  }

  private void sign(int i) {
    call("alice.test.near", "sign", "{\"request\":{\"path\":\"p" + i + "\",\"payload_v2\":{\"Ecdsa\":\""
        + String.format("%064x", i + 1) + "\"},\"domain_id\":0}}", BigInteger.ONE);
  }

  @Test
  void aRunningStateIsReadAgainOnlyAfterASecondWhilePendingRequestsAreReadEveryTime() throws Exception {
    init();
    votePks();
    ContractSnapshot first = gateway.read();
    assertThat(first.phase()).isEqualTo(ContractPhase.Running);
    assertThat(views).containsEntry("state", 1).containsEntry("pending_requests", 1);

    sign(1);
    clock.addAndGet(RpcContractGateway.STATE_MAX_AGE_NANOS - 1);
    ContractSnapshot second = gateway.read();
    assertThat(views).containsEntry("state", 1).containsEntry("pending_requests", 2);
    assertThat(second.pending()).hasSize(1);
    assertThat(second.withPending(List.of())).isEqualTo(first);

    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + participants(4) + "}";
    call("node1.test.near", "vote_new_parameters", vote);
    call("node2.test.near", "vote_new_parameters", vote);
    assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Running); // a second late at most
    clock.addAndGet(1);
    ContractSnapshot resharing = gateway.read();
    assertThat(views).containsEntry("state", 2).containsEntry("pending_requests", 4);
    assertThat(resharing.phase()).isEqualTo(ContractPhase.Resharing);
    assertThat(resharing.pending()).hasSize(1);
  }

  @Test
  void everyReadReadsTheStateWhileTheContractIsNotRunning() throws Exception {
    init();
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Initializing);
    }
    assertThat(views).containsEntry("state", 3);
    votePks();
    assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Running);
    assertThat(views).containsEntry("state", 4);

    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + participants(4) + "}";
    call("node1.test.near", "vote_new_parameters", vote);
    call("node2.test.near", "vote_new_parameters", vote);
    clock.addAndGet(RpcContractGateway.STATE_MAX_AGE_NANOS);
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Resharing);
    }
    assertThat(views).containsEntry("state", 7).containsEntry("pending_requests", 7);
  }

  @Test
  void readsWhatTheParserMakesOfBothViews() throws Exception {
    init();
    votePks();
    for (int i = 0; i < 48; i++) {
      sign(i);
    }
    ContractSnapshot read = gateway.read();
    ContractSnapshot expected = ContractSnapshotParser.parse(
        JSON.readTree(SignerContractAbi.view(contract, "state", new byte[0])),
        JSON.readTree(SignerContractAbi.view(contract, "pending_requests", new byte[0])));
    assertThat(read).isEqualTo(expected);
    assertThat(read.pending()).hasSize(48);
    assertThat(gateway.read()).isEqualTo(expected); // from the kept state
  }
}
