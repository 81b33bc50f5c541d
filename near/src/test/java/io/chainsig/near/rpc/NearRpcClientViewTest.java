package io.chainsig.near.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading view answers: the result JSON, and a {@link ChainException} saying what is wrong otherwise. */
class NearRpcClientViewTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static NearRpcClient.Answer answer(int status, String body) {
    return new NearRpcClient.Answer(status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String viewAnswer(String viewJson) {
    return "{\"jsonrpc\":\"2.0\",\"result\":{\"result\":"
        + ViewAnswerScannerTest.byteArray(viewJson.getBytes(StandardCharsets.UTF_8), "")
        + ",\"logs\":[],\"block_height\":9,\"block_hash\":\"abc\"},\"id\":\"cs1\"}";
  }

  /** What the answer means, read the slow way: the whole answer as a tree. Null if it is not a view result. */
  private static JsonNode reference(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || (json.get("error") != null && !json.get("error").isNull())) {
        return null;
      }
      JsonNode bytes = json.path("result").get("result");
      if (bytes == null || !bytes.isArray()) {
        return null;
      }
      byte[] out = new byte[bytes.size()];
      for (int i = 0; i < out.length; i++) {
        if (!bytes.get(i).isInt() || bytes.get(i).intValue() < 0 || bytes.get(i).intValue() > 255) {
          return null;
        }
        out[i] = (byte) bytes.get(i).intValue();
      }
      return JSON.readTree(out);
    } catch (IOException e) {
      return null;
    }
  }

  @Test
  void readsTheViewResultAsJson() throws Exception {
    String pending = "[{\"request\":{\"tweak\":\"ab\",\"payload\":{\"Ecdsa\":\"01\"}},\"path\":\"π/0\"}]";
    JsonNode r = NearRpcClient.viewResult("pending_requests", answer(200, viewAnswer(pending)));
    assertThat(r).isEqualTo(JSON.readTree(pending));
  }

  @Test
  void anEmptyResultIsNoJson() throws Exception {
    assertThat(NearRpcClient.viewResult("state", answer(200, "{\"result\":{\"result\":[]}}")).isMissingNode()).isTrue();
  }

  @Test
  void rpcErrorsNameTheErrorAndItsCause() {
    String body = "{\"jsonrpc\":\"2.0\",\"error\":{\"name\":\"HANDLER_ERROR\",\"cause\":{\"name\":\"UNKNOWN_ACCOUNT\","
        + "\"info\":{\"requested_account_id\":\"x.near\"}},\"code\":-32000,\"data\":\"no such account\"},\"id\":\"cs1\"}";
    assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, body)))
        .isInstanceOf(ChainException.class)
        .hasMessage("query failed: UNKNOWN_ACCOUNT {\"requested_account_id\":\"x.near\"} \"no such account\"");
  }

  @Test
  void anErrorBesideAResultIsStillAnError() {
    String body = "{\"result\":{\"result\":[123,125]},\"error\":{\"name\":\"INTERNAL_ERROR\"}}";
    assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, body)))
        .isInstanceOf(ChainException.class)
        .hasMessage("query failed: INTERNAL_ERROR ");
  }

  @Test
  void nonJsonAnswersSayTheHttpStatus() {
    for (String body : new String[] {"<html>Bad Gateway</html>", "{\"result\":{\"result\":[123,125]"}) {
      assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(502, body)))
          .as(body)
          .isInstanceOf(ChainException.class)
          .hasMessage("NEAR RPC answered HTTP 502 with non-JSON");
    }
  }

  @Test
  void anAnswerWithoutResultOrErrorIsRefused() {
    assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, "{\"jsonrpc\":\"2.0\",\"id\":\"cs1\"}")))
        .isInstanceOf(ChainException.class)
        .hasMessage("query: answer has neither result nor error");
  }

  @Test
  void aResultWithoutBytesIsShown() {
    String body = "{\"result\":{\"error\":\"wasm execution failed with error: MethodNotFound\",\"logs\":[]}}";
    assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, body)))
        .isInstanceOf(ChainException.class)
        .hasMessage("view state returned no result bytes: {\"error\":\"wasm execution failed with error: MethodNotFound\",\"logs\":[]}");
  }

  @Test
  void elementsThatAreNotBytesAreRefused() {
    for (String element : new String[] {"256", "-1", "1.5", "\"7\"", "null", "[1]"}) {
      String body = "{\"result\":{\"result\":[123," + element + ",125]}}";
      assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, body)))
          .as(element)
          .isInstanceOf(ChainException.class)
          .hasMessage("view state returned a result byte that is not 0..255 at index 1: " + element);
    }
  }

  @Test
  void bytesThatAreNotJsonAreRefused() {
    assertThatThrownBy(() -> NearRpcClient.viewResult("state", answer(200, viewAnswer("{\"a\":"))))
        .isInstanceOf(ChainException.class)
        .hasMessage("view state returned non-JSON");
  }

  @Test
  void theLastOfTwoResultsCountsAsInAnyJsonReader() throws Exception {
    String body = "{\"result\":{\"result\":[49],\"result\":[50]}}";
    assertThat(NearRpcClient.viewResult("v", answer(200, body)).asInt()).isEqualTo(2);
  }

  @Test
  void readsWhatAJsonTreeReadsEvenFromDamagedAnswers() {
    qt().withExamples(1000)
        .forAll(integers().between(0, 60), longs().all())
        .checkAssert((len, seed) -> {
          Random r = new Random(seed);
          StringBuilder text = new StringBuilder();
          for (int i = 0; i < len; i++) {
            String alphabet = "ab\"\\é[]{},: 0";
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
          }
          String body = viewAnswer(JSON.getNodeFactory().textNode(text.toString()).toString());
          if (r.nextBoolean()) { // damage one character
            char[] c = body.toCharArray();
            c[r.nextInt(c.length)] = "[]{}\",:0 9x-".charAt(r.nextInt(12));
            body = new String(c);
          }
          JsonNode expected = reference(body);
          try {
            JsonNode got = NearRpcClient.viewResult("v", answer(200, body));
            assertThat(got).isEqualTo(expected);
          } catch (ChainException e) {
            assertThat(expected).as(body).isNull();
            assertThat(e.getMessage()).isNotBlank();
          }
        });
  }

  @Test
  void viewsOverHttpOneOneWithoutAnUpgradeOffer() throws Exception {
    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (seen) {
          seen.add(ex.getProtocol() + " upgrade=" + ex.getRequestHeaders().getFirst("Upgrade") + " " + request);
        }
        byte[] out = viewAnswer("{\"Running\":{\"epoch\":3}}").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    });
    server.start();
    try {
      NearRpcClient rpc = new NearRpcClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertThat(rpc.view("signer.test.near", "state", "{}").path("Running").path("epoch").asInt()).isEqualTo(3);
      assertThat(rpc.view("signer.test.near", "state", "{}").path("Running").path("epoch").asInt()).isEqualTo(3);
    } finally {
      server.stop(0);
    }
    assertThat(seen).hasSize(2);
    JsonNode request = JSON.readTree(seen.get(0).substring(seen.get(0).indexOf(' ', seen.get(0).indexOf("upgrade=")) + 1));
    assertThat(seen.get(0)).startsWith("HTTP/1.1 upgrade=null ");
    assertThat(request.path("method").asText()).isEqualTo("query");
    assertThat(request.path("params").path("request_type").asText()).isEqualTo("call_function");
    assertThat(request.path("params").path("method_name").asText()).isEqualTo("state");
    assertThat(request.path("params").path("args_base64").asText()).isEqualTo("e30=");
    assertThat(request.path("params").path("finality").asText()).isEqualTo("final");
  }
}
