package io.chainsig.sdk.bitcoin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.sdk.RpcErrorException;
import io.chainsig.sdk.RpcUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal JSON-RPC client (java.net.http and Jackson) for Bitcoin Core compatible nodes, with
 * HTTP basic authentication. Numbers with a fraction are read as {@link java.math.BigDecimal} so
 * coin amounts stay exact.
 */
public final class BitcoinRpcClient implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final BitcoinRpcEndpoint endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  /**
   * A client for one endpoint.
   *
   * @param timeout for connecting and for each call's answer
   */
  public BitcoinRpcClient(BitcoinRpcEndpoint endpoint, Duration timeout) {
    if (endpoint == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("endpoint and a positive timeout are required");
    }
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The endpoint (its toString hides the password). */
  public BitcoinRpcEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Calls a method and returns its {@code result} (a JSON null node if the result is null).
   *
   * @param params positional parameters; anything Jackson can serialise
   * @throws RpcUnreachableException if the node cannot be reached or does not answer in time
   * @throws RpcErrorException if the node answers with an error or an unreadable body
   */
  public JsonNode call(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    request.set("params", JSON.valueToTree(Arrays.asList(params)));
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.url())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8));
    if (endpoint.hasCredentials()) {
      String token = endpoint.user() + ":" + endpoint.password();
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw unreachable(method, e);
    } catch (HttpTimeoutException e) {
      throw new RpcUnreachableException(
          "the Bitcoin RPC at " + endpoint.url() + " did not answer " + method + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException || e instanceof java.nio.channels.ClosedChannelException) {
        throw unreachable(method, e);
      }
      throw new RpcUnreachableException("the Bitcoin RPC at " + endpoint.url() + " failed during " + method + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcUnreachableException("interrupted while calling " + method, e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new RpcErrorException("the Bitcoin RPC at " + endpoint.url()
          + " refused the credentials (HTTP " + response.statusCode() + "); check the user and password in the URL");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RpcErrorException("the Bitcoin RPC answered " + method + " with HTTP " + response.statusCode()
          + " and a body that is not JSON");
    }
    JsonNode error = body == null ? null : body.get("error");
    if (error != null && !error.isNull()) {
      int code = error.path("code").asInt(RpcErrorException.NO_CODE);
      throw new RpcErrorException("Bitcoin RPC " + method + " failed: " + error.path("message").asText() + " (code " + code + ")", code);
    }
    if (body == null || !body.has("result")) {
      throw new RpcErrorException("the Bitcoin RPC answered " + method + " with HTTP " + response.statusCode() + " and no result");
    }
    return body.get("result");
  }

  /**
   * Closes the HTTP connections. Bitcoin Core waits for open keep-alive connections when it shuts
   * down, so close clients before stopping a node.
   */
  @Override
  public void close() {
    http.close();
  }

  private RpcUnreachableException unreachable(String method, Exception e) {
    return new RpcUnreachableException("cannot reach the Bitcoin RPC at " + endpoint.url() + " (" + method + "): " + e, e);
  }
}
