package io.chainsig.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** A minimal NEAR JSON-RPC client for tests: raw calls, views, and signed function calls. */
final class RpcClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;

  RpcClient(int port) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/");
  }

  /** The whole JSON-RPC response. */
  JsonNode raw(String body) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return MAPPER.readTree(r.body());
  }

  /** The result of a call, or an exception carrying the error JSON. */
  JsonNode call(String method, JsonNode params) throws IOException, InterruptedException {
    ObjectNode req = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", "t").put("method", method);
    req.set("params", params);
    JsonNode r = raw(req.toString());
    if (r.has("error")) {
      throw new IOException("rpc error: " + r.get("error"));
    }
    return r.get("result");
  }

  /** A contract view through {@code query call_function}, parsed as JSON. */
  JsonNode view(String contract, String method, String argsJson) throws IOException, InterruptedException {
    ObjectNode p = MAPPER.createObjectNode().put("request_type", "call_function").put("finality", "final")
        .put("account_id", contract).put("method_name", method)
        .put("args_base64", Base64.getEncoder().encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)));
    JsonNode bytes = call("query", p).get("result");
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) bytes.get(i).asInt();
    }
    return MAPPER.readTree(out);
  }

  /** Signs and sends one function call with {@code send_tx} (wait FINAL); returns the outcome. */
  JsonNode functionCall(ValidatorKey key, String receiver, String method, String argsJson)
      throws IOException, InterruptedException {
    ObjectNode q = MAPPER.createObjectNode().put("request_type", "view_access_key").put("finality", "final")
        .put("account_id", key.accountId()).put("public_key", key.publicKey());
    long nonce = call("query", q).get("nonce").asLong() + 1;
    String blockHash = call("block", MAPPER.createObjectNode().put("finality", "final")).get("header").get("hash").asText();
    Transaction tx = new Transaction(key.accountId(), key.publicKey(), nonce, receiver, Base58.decode(blockHash),
        List.of(new Action.FunctionCall(method, argsJson.getBytes(StandardCharsets.UTF_8), 30_000_000_000_000L,
            BigInteger.ZERO)));
    byte[] signature = key.sign(io.chainsig.crypto.Hashes.sha256(TransactionCodec.encode(tx)));
    ObjectNode p = MAPPER.createObjectNode()
        .put("signed_tx_base64", Base64.getEncoder().encodeToString(TransactionCodec.encodeSigned(tx, signature)))
        .put("wait_until", "FINAL");
    return call("send_tx", p);
  }
}
