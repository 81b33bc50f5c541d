package io.chainsig.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Base58;
import java.io.IOException;
import java.net.URI;
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
  /** Stands in for the byte array of a view answer while the rest of the answer is parsed. */
  private static final String VIEW_BYTES_MARKER_TEXT = "chainsig: view bytes decoded separately";
  private static final byte[] VIEW_BYTES_MARKER = ("\"" + VIEW_BYTES_MARKER_TEXT + "\"").getBytes(StandardCharsets.US_ASCII);
  private final URI url;
  private final BlockingHttpPost http;
  private final AtomicLong ids = new AtomicLong();

  /** A client of the endpoint at {@code url}. */
  public NearRpcClient(String url) {
    this.url = URI.create(url);
    this.http = new BlockingHttpPost(this.url, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The endpoint. */
  public String url() {
    return url.toString();
  }

  /** Calls a method and returns its {@code result}. */
  public JsonNode call(String method, JsonNode params) throws ChainException {
    Answer answer = post(method, params);
    return result(method, answer.json());
  }

  /** A view call; returns the result bytes parsed as JSON. */
  public JsonNode view(String contract, String method, String argsJson) throws ChainException {
    ObjectNode p = JSON.createObjectNode();
    p.put("request_type", "call_function").put("finality", "final").put("account_id", contract)
        .put("method_name", method)
        .put("args_base64", Base64.getEncoder().encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)));
    return viewResult(method, post("query", p));
  }

  /**
   * The result of a view call from its answer: the bytes at {@code result.result} parsed as JSON.
   * A view answer carries the bytes as a JSON array of numbers, one per byte (tens of kilobytes of
   * JSON for a long pending list): they are decoded straight from the answer
   * ({@link ViewAnswerScanner}) and only the rest of the answer is parsed as a tree. Answers of
   * any other shape go through the whole-tree path, which reports what is wrong with them.
   */
  static JsonNode viewResult(String method, Answer answer) throws ChainException {
    ViewAnswerScanner.Found found = ViewAnswerScanner.scan(answer.body());
    if (found != null) {
      byte[] body = answer.body();
      byte[] rest = new byte[body.length - (found.end() - found.start()) + VIEW_BYTES_MARKER.length];
      System.arraycopy(body, 0, rest, 0, found.start());
      System.arraycopy(VIEW_BYTES_MARKER, 0, rest, found.start(), VIEW_BYTES_MARKER.length);
      System.arraycopy(body, found.end(), rest, found.start() + VIEW_BYTES_MARKER.length, body.length - found.end());
      JsonNode envelope = null;
      try {
        envelope = JSON.readTree(rest);
      } catch (IOException e) {
        // not JSON: the whole-tree path below says so
      }
      if (envelope != null && envelope.path("result").path("result").asText("").equals(VIEW_BYTES_MARKER_TEXT)
          && (envelope.get("error") == null || envelope.get("error").isNull())) {
        return viewJson(method, found.bytes());
      }
    }
    JsonNode r = result("query", answer.json());
    JsonNode bytes = r.get("result");
    if (bytes == null || !bytes.isArray()) {
      throw new ChainException("view " + method + " returned no result bytes: " + r);
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode b = bytes.get(i);
      if (!b.isInt() || b.intValue() < 0 || b.intValue() > 255) {
        throw new ChainException("view " + method + " returned a result byte that is not 0..255 at index " + i + ": " + b);
      }
      out[i] = (byte) b.intValue();
    }
    return viewJson(method, out);
  }

  private static JsonNode viewJson(String method, byte[] value) throws ChainException {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new ChainException("view " + method + " returned non-JSON", e);
    }
  }

  /** The {@code result} of a JSON-RPC answer, or its {@code error} as a {@link ChainException}. */
  private static JsonNode result(String method, JsonNode json) throws ChainException {
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

  /** Posts one JSON-RPC call and returns the raw answer. */
  private Answer post(String method, JsonNode params) throws ChainException {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0").put("id", "cs" + ids.incrementAndGet()).put("method", method).set("params", params);
    byte[] request = body.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return http.post(request);
    } catch (IOException e) {
      throw new ChainException("NEAR RPC " + url + " unreachable: " + e.getMessage(), e);
    }
  }

  /**
   * A JSON-RPC answer as it came.
   *
   * @param status the HTTP status
   * @param body the body
   */
  record Answer(int status, byte[] body) {
    /** The body parsed as JSON. */
    JsonNode json() throws ChainException {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new ChainException("NEAR RPC answered HTTP " + status + " with non-JSON", e);
      }
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
