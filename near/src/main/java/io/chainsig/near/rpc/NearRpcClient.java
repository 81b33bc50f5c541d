package io.chainsig.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Base58;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of NEAR's JSON-RPC (nearcore's shapes; the sandbox speaks the same subset). Errors come
 * back as {@link ChainException} carrying nearcore's error name and cause.
 */
public final class NearRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One HTTP client (its selector thread and connection pool) for every endpoint client in the process. */
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient http = HTTP;
  private final URI url;
  private final AtomicLong ids = new AtomicLong();

  /** A client of the endpoint at {@code url}. */
  public NearRpcClient(String url) {
    this.url = URI.create(url);
  }

  /** The endpoint. */
  public String url() {
    return url.toString();
  }

  /** Calls a method and returns its {@code result}. */
  public JsonNode call(String method, JsonNode params) throws ChainException {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0").put("id", "cs" + ids.incrementAndGet()).put("method", method).set("params", params);
    HttpResponse<String> resp;
    try {
      resp = http.send(
          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChainException("NEAR RPC " + url + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(resp.body());
    } catch (IOException e) {
      throw new ChainException("NEAR RPC answered HTTP " + resp.statusCode() + " with non-JSON", e);
    }
    JsonNode err = json.get("error");
    if (err != null && !err.isNull()) {
      JsonNode cause = err.path("cause");
      String name = cause.path("name").asText(err.path("name").asText("ERROR"));
      String info = cause.has("info") ? cause.get("info").toString() : "";
      String data = err.has("data") ? " " + err.get("data").toString() : "";
      throw new ChainException(method + " failed: " + name + " " + info + data);
    }
    JsonNode result = json.get("result");
    if (result == null) {
      throw new ChainException(method + ": answer has neither result nor error");
    }
    return result;
  }

  /** A view call; returns the result bytes parsed as JSON. */
  public JsonNode view(String contract, String method, String argsJson) throws ChainException {
    ObjectNode p = JSON.createObjectNode();
    p.put("request_type", "call_function").put("finality", "final").put("account_id", contract)
        .put("method_name", method)
        .put("args_base64", Base64.getEncoder().encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)));
    JsonNode r = call("query", p);
    JsonNode bytes = r.get("result");
    if (bytes == null || !bytes.isArray()) {
      throw new ChainException("view " + method + " returned no result bytes: " + r);
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) bytes.get(i).asInt();
    }
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new ChainException("view " + method + " returned non-JSON", e);
    }
  }

  /** The nonce of an access key. */
  public long accessKeyNonce(String account, String publicKey) throws ChainException {
    ObjectNode p = JSON.createObjectNode();
    p.put("request_type", "view_access_key").put("finality", "final").put("account_id", account).put("public_key", publicKey);
    return call("query", p).path("nonce").asLong();
  }

  /** The hash of the latest final block. */
  public byte[] latestBlockHash() throws ChainException {
    ObjectNode p = JSON.createObjectNode();
    p.put("finality", "final");
    return Base58.decode(call("block", p).path("header").path("hash").asText(), 32);
  }

  /** Sends a signed transaction and waits as {@code waitUntil} says. */
  public JsonNode sendTx(byte[] signedTx, String waitUntil) throws ChainException {
    ObjectNode p = JSON.createObjectNode();
    p.put("signed_tx_base64", Base64.getEncoder().encodeToString(signedTx)).put("wait_until", waitUntil);
    return call("send_tx", p);
  }
}
