package io.chainsig.node.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainsig.contract.CallContext;
import io.chainsig.contract.CallOutcome;
import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.ContractException;
import io.chainsig.contract.MethodNotFoundException;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.contract.TestRootKey;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The real signer contract behind a JSON-RPC endpoint that answers view calls as the sandbox does
 * (the value as a JSON array of byte numbers, errors in nearcore's shape), on a chain of blocks:
 * calls execute in the open block and views see it, {@link #seal()} produces the block, {@link
 * #loseOpenBlock()} throws it away as a sandbox restart does. Records the views asked.
 */
final class ContractRpcFake implements AutoCloseable {
  static final NearAccountId CONTRACT = NearAccountId.of("signer.test.near");
  static final NearAccountId ALICE = NearAccountId.of("alice.test.near");
  /** Stands in for the MPC network: the root key the participants vote for, and its signatures. */
  static final TestRootKey MPC = TestRootKey.fixed();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the contract answers {@code pending_requests_since}. */
  enum SinceView {
    /** It has the view. */
    PRESENT,
    /** An older contract, as nearcore answers now: a handler error naming {@code MethodNotFound}. */
    MISSING,
    /** An older contract, as older nearcore answered: a result with an {@code error} text. */
    MISSING_AS_RESULT_ERROR
  }

  private final HttpServer server;
  private final Random random;
  private SignerContract contract;
  /** The state as of the last produced block. */
  private SignerContract produced;
  /** The height of the open block. */
  private long height = 1;
  private String entropy;
  private int calls;
  /** How often each view was asked. */
  final Map<String, Integer> views = new ConcurrentHashMap<>();
  /** The {@code block_height} of each {@code pending_requests_since} asked, in order. */
  final List<Long> sinceAsked = new CopyOnWriteArrayList<>();
  /** How many requests each answer of {@code pending_requests_since} listed in full, in order. */
  final List<Integer> sinceListed = new CopyOnWriteArrayList<>();
  volatile SinceView sinceView = SinceView.PRESENT;
  /** Changes each {@code pending_requests_since} value before it is sent (a contract that disagrees). */
  volatile UnaryOperator<ObjectNode> rewriteSince = UnaryOperator.identity();

  /** A contract with these limits; {@code seed} makes the blocks' random values. */
  ContractRpcFake(ContractConfig config, long seed) throws IOException {
    contract = new SignerContract(config);
    produced = contract.copy();
    random = new Random(seed);
    entropy = freshEntropy();
    // No Nagle stall between an answer's headers and body (as the sandbox's server).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** A gateway reading this contract, its state aged by {@code clock}. */
  RpcContractGateway gateway(LongSupplier clock) {
    NearRpcClient rpc = new NearRpcClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new RpcContractGateway(rpc, CONTRACT.value(),
        new NearTransactionSender(rpc, "node1.test.near", "ed25519:11111111111111111111111111111111", new byte[32]),
        clock);
  }

  private String freshEntropy() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hex.encode(b);
  }

  /** A call in the open block. */
  synchronized CallOutcome call(String who, String method, String args, BigInteger deposit) {
    CallContext ctx = new CallContext(CONTRACT, NearAccountId.of(who), deposit, height, entropy);
    return SignerContractAbi.call(contract, ctx, method, args.getBytes(StandardCharsets.UTF_8), "c" + ++calls);
  }

  /** {@code init} with participants node1..nodeN, threshold 2, and one secp256k1 domain. */
  void init(int participants) {
    call(CONTRACT.value(), "init", "{\"parameters\":" + ContractSnapshotParserTest.participants(participants)
        + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}", BigInteger.ZERO);
  }

  /** node1 and node2 vote for {@link #MPC}'s key: the contract is Running. */
  void votePks() {
    String vote = "{\"domain_id\":0,\"public_key\":\"" + MPC.publicKey().toNearString() + "\"}";
    call("node1.test.near", "vote_pk", vote, BigInteger.ZERO);
    call("node2.test.near", "vote_pk", vote, BigInteger.ZERO);
  }

  /** Alice asks for a signature of {@code payloadHex} under {@code path}. */
  RequestKey sign(String path, String payloadHex) {
    CallOutcome out = call(ALICE.value(), "sign", "{\"request\":{\"path\":\"" + path + "\",\"payload_v2\":{\"Ecdsa\":\""
        + payloadHex + "\"},\"domain_id\":0}}", BigInteger.ONE);
    return ((CallOutcome.Pending) out).key();
  }

  /** node1 answers a pending request. */
  synchronized void respond(RequestKey key) {
    CallContext ctx = new CallContext(CONTRACT, NearAccountId.of("node1.test.near"), BigInteger.ZERO, height, entropy);
    contract.respond(ctx, key, MPC.sign(key));
  }

  /** The open block is produced (waiting calls time out in it) and the next one opens. */
  synchronized void seal() {
    contract.onBlock(height);
    produced = contract.copy();
    height++;
    entropy = freshEntropy();
  }

  /** The open block is lost, as in a sandbox restart: the next one has its height and other entropy. */
  synchronized void loseOpenBlock() {
    contract = produced.copy();
    entropy = freshEntropy();
  }

  /** The height of the open block. */
  synchronized long height() {
    return height;
  }

  /** The chain goes back to the block produced at {@code h}: its state is {@code state}. */
  synchronized void goBackTo(SignerContract state, long h) {
    contract = state.copy();
    produced = state.copy();
    height = h + 1;
    entropy = freshEntropy();
  }

  /** The state as of the last produced block. */
  synchronized SignerContract lastProduced() {
    return produced.copy();
  }

  /** A view's JSON now (as a full read sees it). */
  synchronized JsonNode view(String method) throws IOException {
    return JSON.readTree(SignerContractAbi.view(contract, method, new byte[0]));
  }

  /** The pending list as {@code pending_requests} gives it now. */
  List<PendingSign> fullList() throws IOException, ChainException {
    return ContractSnapshotParser.parsePending(view("pending_requests"));
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode params = JSON.readTree(ex.getRequestBody()).get("params");
      String method = params.get("method_name").asText();
      byte[] args = Base64.getDecoder().decode(params.get("args_base64").asText());
      views.merge(method, 1, Integer::sum);
      ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "cs1");
      boolean since = method.equals("pending_requests_since");
      if (since) {
        sinceAsked.add(JSON.readTree(args).path("block_height").asLong(-1));
      }
      if (since && sinceView == SinceView.MISSING_AS_RESULT_ERROR) {
        answer.putObject("result").put("error", "wasm execution failed with error: "
            + "FunctionCallError(MethodResolveError(MethodNotFound))").putArray("logs");
      } else if (since && sinceView == SinceView.MISSING) {
        answer.set("error", contractError(JSON.createObjectNode().put("MethodResolveError", "MethodNotFound"), "MethodNotFound"));
      } else {
        try {
          byte[] value;
          synchronized (this) {
            value = SignerContractAbi.view(contract, method, args);
          }
          if (since) {
            ObjectNode o = rewriteSince.apply((ObjectNode) JSON.readTree(value));
            sinceListed.add(o.get("requests").size());
            value = o.toString().getBytes(StandardCharsets.UTF_8);
          }
          ObjectNode result = answer.putObject("result");
          ArrayNode bytes = result.putArray("result");
          for (byte b : value) {
            bytes.add(b & 0xff);
          }
          result.putArray("logs");
          result.put("block_height", height()).put("block_hash", "9zJh");
        } catch (MethodNotFoundException e) {
          answer.set("error", contractError(JSON.createObjectNode().put("MethodResolveError", "MethodNotFound"), "MethodNotFound"));
        } catch (ContractException e) {
          answer.set("error", contractError(
              JSON.createObjectNode().put("ExecutionError", "Smart contract panicked: " + e.getMessage()), e.getMessage()));
        }
      }
      byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  /** nearcore's error for a failed view call. */
  private ObjectNode contractError(ObjectNode vmError, String message) {
    ObjectNode e = JSON.createObjectNode().put("name", "HANDLER_ERROR");
    ObjectNode info = e.putObject("cause").put("name", "CONTRACT_EXECUTION_ERROR").putObject("info");
    info.set("vm_error", vmError);
    info.put("block_height", height()).put("block_hash", "9zJh");
    return e.put("code", -32000).put("message", "Server error").put("data", "wasm execution failed with error: " + message);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
