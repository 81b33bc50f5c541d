package io.chainsig.sandbox.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.sandbox.Sandbox;
import io.chainsig.sandbox.SandboxConfig;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nearcore-shaped answers of the JSON-RPC server, over real HTTP to an in-process sandbox. */
class JsonRpcErrorsTest {
  @TempDir Path home;
  private Sandbox sandbox;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    sandbox = Sandbox.start(new SandboxConfig(home, "127.0.0.1", 0, 50, 500));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.rpcPort() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode rpc(String method, String params) throws Exception {
    return io.chainsig.sandbox.chain.ChainCodec.MAPPER.readTree(
        post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}").body());
  }

  private static void handlerError(JsonNode r, String cause) {
    assertThat(r.get("error").get("name").asText()).isEqualTo("HANDLER_ERROR");
    assertThat(r.get("error").get("cause").get("name").asText()).isEqualTo(cause);
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(r.get("error").get("message").asText()).isEqualTo("Server error");
  }

  private static void parseError(JsonNode r) {
    assertThat(r.get("error").get("name").asText()).isEqualTo("REQUEST_VALIDATION_ERROR");
    assertThat(r.get("error").get("cause").get("name").asText()).isEqualTo("PARSE_ERROR");
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
  }

  private String signedTx(ValidatorKey key, long nonce, String receiver, Action action) {
    Transaction t = new Transaction(key.accountId(), key.publicKey(), nonce, receiver,
        Base58.decode(sandbox.chain().head().hash()), List.of(action));
    return Base64.getEncoder().encodeToString(
        TransactionCodec.encodeSigned(t, key.sign(Hashes.sha256(TransactionCodec.encode(t)))));
  }

  @Test
  void malformedRequests() throws Exception {
    HttpResponse<String> bad = post("{not json");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode r = io.chainsig.sandbox.chain.ChainCodec.MAPPER.readTree(bad.body());
    parseError(r);
    assertThat(r.get("id").isNull()).isTrue();
    parseError(io.chainsig.sandbox.chain.ChainCodec.MAPPER.readTree(post("[1,2]").body()));
    JsonNode unknown = rpc("nope", "[]");
    assertThat(unknown.get("error").get("cause").get("name").asText()).isEqualTo("METHOD_NOT_FOUND");
    assertThat(unknown.get("error").get("cause").get("info").get("method_name").asText()).isEqualTo("nope");
    assertThat(unknown.get("id").asInt()).isEqualTo(7);
    parseError(rpc("send_tx", "{\"signed_tx_base64\":\"***\"}"));
    parseError(rpc("broadcast_tx_async", "[\"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"]"));
    parseError(rpc("broadcast_tx_commit", "{}"));
    parseError(rpc("query", "{\"request_type\":\"view_everything\",\"finality\":\"final\",\"account_id\":\"test.near\"}"));
    parseError(rpc("block", "{\"finality\":\"soon\"}"));
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.rpcPort() + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    assertThat(rpc("status", "[]").get("result").get("chain_id").asText()).isEqualTo("sandbox");
  }

  @Test
  void echoedSurrogatesAreWrittenAsBefore() throws Exception {
    // lone surrogates (escaped in the request) come back as '?', a valid pair as its 4 UTF-8 bytes
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.rpcPort() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":{\"k\\ud800\":\"\\udc00x\\ud83d\\ude00\"},"
            + "\"method\":\"nope\\udbff\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    String expected = "{\"jsonrpc\":\"2.0\",\"error\":{\"name\":\"REQUEST_VALIDATION_ERROR\",\"cause\":{\"name\":"
        + "\"METHOD_NOT_FOUND\",\"info\":{\"method_name\":\"nope?\"}},\"code\":-32601,\"message\":\"Method not found\","
        + "\"data\":\"nope?\"},\"id\":{\"k?\":\"?x\ud83d\ude00\"}}";
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo(new String(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void garbageBodiesAlwaysGetAJsonRpcAnswer() {
    org.quicktheories.QuickTheory.qt().withExamples(60)
        .forAll(org.quicktheories.generators.SourceDSL.strings().allPossible().ofLengthBetween(0, 200))
        .checkAssert(body -> {
          try {
            for (String b : List.of(body, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"query\",\"params\":" + body + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"send_tx\",\"params\":{\"signed_tx_base64\":\""
                    + Base64.getEncoder().encodeToString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}}")) {
              HttpResponse<String> r = post(b);
              JsonNode json = io.chainsig.sandbox.chain.ChainCodec.MAPPER.readTree(r.body());
              assertThat(json.get("jsonrpc").asText()).isEqualTo("2.0");
              assertThat(json.has("error") || json.has("result")).isTrue();
              assertThat(r.statusCode()).isNotEqualTo(500);
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void queryErrors() throws Exception {
    JsonNode r = rpc("query", "{\"request_type\":\"view_account\",\"finality\":\"final\",\"account_id\":\"nobody.near\"}");
    handlerError(r, "UNKNOWN_ACCOUNT");
    assertThat(r.get("error").get("cause").get("info").get("requested_account_id").asText()).isEqualTo("nobody.near");
    assertThat(r.get("error").get("data").asText()).isEqualTo("account nobody.near does not exist while viewing");
    handlerError(rpc("query", "{\"request_type\":\"view_access_key\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"public_key\":\"ed25519:11111111111111111111111111111111\"}"), "UNKNOWN_ACCESS_KEY");
    handlerError(rpc("query", "{\"request_type\":\"call_function\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"method_name\":\"state\",\"args_base64\":\"\"}"), "NO_CONTRACT_CODE");
    handlerError(rpc("block", "{\"block_id\":999999}"), "UNKNOWN_BLOCK");
    handlerError(rpc("block", "[\"11111111111111111111111111111111\"]"), "UNKNOWN_BLOCK");
    handlerError(rpc("chunk", "{\"chunk_id\":\"11111111111111111111111111111111\"}"), "UNKNOWN_CHUNK");
    handlerError(rpc("tx", "[\"11111111111111111111111111111111\",\"test.near\"]"), "UNKNOWN_TRANSACTION");
  }

  @Test
  void viewsAndTransactions() throws Exception {
    ValidatorKey root = sandbox.rootKey();
    JsonNode key = rpc("query", "{\"request_type\":\"view_access_key\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"public_key\":\"" + root.publicKey() + "\"}").get("result");
    assertThat(key.get("permission").asText()).isEqualTo("FullAccess");
    assertThat(rpc("query", "{\"request_type\":\"view_access_key_list\",\"finality\":\"final\",\"account_id\":\"test.near\"}")
        .get("result").get("keys")).hasSize(1);
    assertThat(rpc("gas_price", "[null]").get("result").get("gas_price").asText()).isEqualTo("100000000");
    assertThat(rpc("gas_price", "{\"block_id\":0}").get("result").get("gas_price").asText()).isEqualTo("100000000");

    String hash = rpc("broadcast_tx_async", "[\"" + signedTx(root, 1, "test.near", new Action.Transfer(BigInteger.ONE)) + "\"]")
        .get("result").asText();
    JsonNode outcome = rpc("tx", "{\"tx_hash\":\"" + hash + "\",\"sender_account_id\":\"test.near\",\"wait_until\":\"FINAL\"}").get("result");
    assertThat(outcome.get("status").get("SuccessValue").asText()).isEmpty();
    assertThat(outcome.get("final_execution_status").asText()).isEqualTo("FINAL");
    assertThat(outcome.get("transaction").get("hash").asText()).isEqualTo(hash);
    assertThat(outcome.get("transaction").get("actions").get(0).get("Transfer").get("deposit").asText()).isEqualTo("1");
    assertThat(outcome.get("transaction_outcome").get("outcome").get("status").has("SuccessReceiptId")).isTrue();
    assertThat(outcome.get("receipts_outcome")).hasSize(1);
    JsonNode withReceipts = rpc("EXPERIMENTAL_tx_status", "[\"" + hash + "\",\"test.near\"]").get("result");
    assertThat(withReceipts.get("receipts").get(0).get("receipt").get("Action").get("signer_id").asText()).isEqualTo("test.near");
    long height = sandbox.chain().tx(hash).orElseThrow().includedHeight();
    JsonNode chunk = rpc("chunk", "{\"block_id\":" + height + ",\"shard_id\":0}").get("result");
    assertThat(chunk.get("transactions").get(0).get("hash").asText()).isEqualTo(hash);

    JsonNode commit = rpc("broadcast_tx_commit", "[\"" + signedTx(root, 2, "test.near", new Action.Transfer(BigInteger.TWO)) + "\"]");
    assertThat(commit.get("result").get("status").has("SuccessValue")).isTrue();

    JsonNode replay = rpc("send_tx", "{\"signed_tx_base64\":\"" + signedTx(root, 2, "test.near", new Action.Transfer(BigInteger.TEN))
        + "\",\"wait_until\":\"NONE\"}");
    handlerError(replay, "INVALID_TRANSACTION");
    assertThat(replay.get("error").get("data").get("TxExecutionError").get("InvalidTxError").get("InvalidNonce")
        .get("ak_nonce").asLong()).isEqualTo(2);

    byte[] tampered = Base64.getDecoder().decode(signedTx(root, 3, "test.near", new Action.Transfer(BigInteger.ONE)));
    tampered[tampered.length - 5] ^= 4;
    JsonNode badSig = rpc("send_tx", "{\"signed_tx_base64\":\"" + Base64.getEncoder().encodeToString(tampered) + "\"}");
    assertThat(badSig.get("error").get("data").get("TxExecutionError").get("InvalidTxError").asText()).isEqualTo("InvalidSignature");

    JsonNode none = rpc("send_tx", "{\"signed_tx_base64\":\"" + signedTx(root, 3, "test.near", new Action.Transfer(BigInteger.ONE))
        + "\",\"wait_until\":\"NONE\"}");
    assertThat(none.get("result").get("final_execution_status").asText()).isEqualTo("NONE");
  }

  @Test
  void contractViewErrors() throws Exception {
    ValidatorKey root = sandbox.rootKey();
    rpc("send_tx", "{\"signed_tx_base64\":\"" + signedTx(root, 1, "test.near",
        new Action.DeployContract(io.chainsig.sandbox.state.BuiltinContracts.SIGNER_MARKER)) + "\"}");
    JsonNode changeAsView = rpc("query", "{\"request_type\":\"call_function\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"method_name\":\"sign\",\"args_base64\":\"e30=\"}");
    handlerError(changeAsView, "CONTRACT_EXECUTION_ERROR");
    assertThat(changeAsView.get("error").get("cause").get("info").get("vm_error").get("HostError").has("ProhibitedInView")).isTrue();
    JsonNode missing = rpc("query", "{\"request_type\":\"call_function\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"method_name\":\"nope\",\"args_base64\":\"e30=\"}");
    assertThat(missing.get("error").get("cause").get("info").get("vm_error").get("MethodResolveError").asText()).isEqualTo("MethodNotFound");
    JsonNode panic = rpc("query", "{\"request_type\":\"call_function\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"method_name\":\"public_key\",\"args_base64\":\"e30=\"}");
    assertThat(panic.get("error").get("cause").get("info").get("vm_error").get("ExecutionError").asText()).contains("Smart contract panicked");
    parseError(rpc("query", "{\"request_type\":\"call_function\",\"finality\":\"final\",\"account_id\":\"test.near\","
        + "\"method_name\":\"state\",\"args_base64\":\"!!\"}"));
  }

  @Test
  void aSignThatIsNotAnsweredInTimeGetsTimeoutErrorAndStaysIncluded() throws Exception {
    ValidatorKey root = sandbox.rootKey();
    String self = "[[\"test.near\",0,{\"url\":\"https://n\",\"tls_public_key\":\"" + root.publicKey() + "\"}]]";
    sandbox.chain().submit(TransactionCodec.decodeSigned(Base64.getDecoder().decode(signedTx(root, 1, "test.near",
        new Action.DeployContract(io.chainsig.sandbox.state.BuiltinContracts.SIGNER_MARKER)))));
    sandbox.chain().submit(TransactionCodec.decodeSigned(Base64.getDecoder().decode(signedTx(root, 2, "test.near",
        call("init", "{\"parameters\":{\"participants\":" + self + ",\"threshold\":1},\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}",
            BigInteger.ZERO)))));
    sandbox.chain().submit(TransactionCodec.decodeSigned(Base64.getDecoder().decode(signedTx(root, 3, "test.near",
        call("vote_pk", "{\"public_key\":\"" + io.chainsig.contract.TestRootKey.fixed().publicKey().toNearString() + "\"}",
            BigInteger.ZERO)))));
    String sign = signedTx(root, 4, "test.near", call("sign",
        "{\"request\":{\"path\":\"p\",\"payload_v2\":{\"Ecdsa\":\"" + "07".repeat(32) + "\"}}}", BigInteger.ONE));
    HttpResponse<String> waited = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"send_tx\",\"params\":"
        + "{\"signed_tx_base64\":\"" + sign + "\",\"wait_until\":\"FINAL\"}}");
    assertThat(waited.statusCode()).isEqualTo(408);
    assertThat(waited.body()).contains("\"TIMEOUT_ERROR\"");
    JsonNode included = rpc("send_tx", "{\"signed_tx_base64\":\"" + sign + "\",\"wait_until\":\"INCLUDED_FINAL\"}");
    assertThat(included.get("result").get("final_execution_status").asText()).isEqualTo("INCLUDED_FINAL");
  }

  private static Action call(String method, String json, BigInteger deposit) {
    return new Action.FunctionCall(method, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), 30_000_000_000_000L, deposit);
  }
}
