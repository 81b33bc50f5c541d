package io.chainsig.wallet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.wallet.consent.ConsentingSigner;
import io.chainsig.wallet.consent.RequestOrigin;
import io.chainsig.wallet.consent.SignOutcome;
import io.chainsig.wallet.consent.SignRequest;
import io.chainsig.wallet.path.DerivationPath;
import io.chainsig.wallet.path.DerivationPathJson;
import io.chainsig.wallet.path.WalletKey;
import io.chainsig.wallet.signer.PublicKeyDirectory;
import io.chainsig.wallet.tx.PayloadDecoder;
import io.chainsig.wallet.tx.PayloadFormat;
import io.chainsig.wallet.tx.SignablePayload;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The dapp API under {@code /api/}:
 *
 * <ul>
 *   <li>{@code POST /api/sign} with {@code {"path": {...}, "format": "bitcoin-psbt"|"bitcoin-tx"|"evm-tx"|"hash",
 *       "data": "...", "input": 0}} answers 200 (signed), 202 (waiting for the user: open {@code consentUrl}),
 *       403 (refused) or 400 (malformed).
 *   <li>{@code GET /api/requests/{id}} answers the same shapes; only to the origin that made the request.
 * </ul>
 *
 * The requesting origin is the browser's {@code Origin} header; CORS allows any origin to ask (the
 * consent policy decides), preflights included, and never allows credentials.
 */
final class DappApi implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsentingSigner signer;
  private final WebConsent consent;
  private final NearAccountId account;
  private final PublicKeyDirectory keys;
  private final int port;
  private final TrackedRequests requests;
  private final SecureRandom random = new SecureRandom();

  DappApi(ConsentingSigner signer, WebConsent consent, TrackedRequests requests, NearAccountId account,
      PublicKeyDirectory keys, int port) {
    this.keys = keys;
    this.requests = requests;
    this.signer = signer;
    this.consent = consent;
    this.account = account;
    this.port = port;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!HttpExchanges.hostIsLoopback(exchange, port)) {
        reply(exchange, null, 421, error("invalid", "the wallet answers only on 127.0.0.1:" + port));
        return;
      }
      String originHeader = exchange.getRequestHeaders().getFirst("Origin");
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("OPTIONS")) {
        preflight(exchange, originHeader);
        return;
      }
      RequestOrigin origin;
      try {
        origin = RequestOrigin.parse(originHeader);
      } catch (IllegalArgumentException e) {
        reply(exchange, null, 400, error("invalid", "requests must come from a web page: " + e.getMessage()));
        return;
      }
      if (method.equals("POST") && path.equals("/api/sign")) {
        sign(exchange, origin);
      } else if (method.equals("GET") && path.startsWith("/api/requests/")) {
        status(exchange, origin, path.substring("/api/requests/".length()));
      } else {
        reply(exchange, origin, 404, error("invalid", "no such endpoint: " + method + " " + path));
      }
    } catch (RuntimeException e) {
      reply(exchange, null, 500, error("invalid", "internal error"));
    }
  }

  private void preflight(HttpExchange exchange, String origin) throws IOException {
    String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Method");
    if (origin == null || requested == null || !(requested.equals("POST") || requested.equals("GET"))) {
      reply(exchange, null, 403, "");
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", "POST, GET");
    headers.set("Access-Control-Allow-Headers", "Content-Type");
    headers.set("Access-Control-Max-Age", "600");
    headers.set("Vary", "Origin");
    if ("true".equals(exchange.getRequestHeaders().getFirst("Access-Control-Request-Private-Network"))) {
      headers.set("Access-Control-Allow-Private-Network", "true");
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  private void sign(HttpExchange exchange, RequestOrigin origin) throws IOException {
    SignRequest request;
    try {
      JsonNode body = JSON.readTree(HttpExchanges.body(exchange));
      if (body == null || !body.isObject() || !body.has("path") || !body.path("format").isTextual() || !body.path("data").isTextual()) {
        throw new IllegalArgumentException("the body must be {\"path\": {...}, \"format\": \"...\", \"data\": \"...\"}");
      }
      DerivationPath path = DerivationPathJson.fromTree(body.get("path"));
      int input = body.path("input").asInt(0);
      BitcoinNetwork network = path.chain().orElse(0) == 1 ? BitcoinNetwork.TESTNET : BitcoinNetwork.MAINNET;
      SignablePayload payload = PayloadDecoder.decode(PayloadFormat.fromWireName(body.get("format").asText()),
          body.get("data").asText(), input, network, keys.publicKeyOf(path.canonicalJson()));
      request = new SignRequest(newId(), origin, new WalletKey(account, path), payload);
    } catch (IOException | IllegalArgumentException e) {
      reply(exchange, origin, 400, error("invalid", e.getMessage()));
      return;
    }
    CompletableFuture<SignOutcome> outcome = signer.sign(request, consent).toCompletableFuture();
    requests.add(new TrackedRequest(request, outcome));
    ObjectNode answer = describe(request.id(), outcome);
    reply(exchange, origin, statusOf(outcome), answer);
  }

  private void status(HttpExchange exchange, RequestOrigin origin, String id) throws IOException {
    consent.expireOld();
    TrackedRequest tracked = requests.find(id).orElse(null);
    if (tracked == null || !tracked.request().origin().equals(origin)) {
      reply(exchange, origin, 404, error("invalid", "no such request for this origin"));
      return;
    }
    reply(exchange, origin, 200, describe(id, tracked.outcome()));
  }

  private static int statusOf(CompletableFuture<SignOutcome> outcome) {
    if (!outcome.isDone()) {
      return 202;
    }
    return outcome.join() instanceof SignOutcome.Signed ? 200 : 403;
  }

  private ObjectNode describe(String id, CompletableFuture<SignOutcome> outcome) {
    ObjectNode answer = JSON.createObjectNode().put("id", id);
    if (!outcome.isDone()) {
      return answer.put("status", "pending").put("consentUrl", "http://127.0.0.1:" + port + "/consent/" + id);
    }
    SignOutcome done = outcome.join();
    answer.put("flow", done.flow().name());
    if (done instanceof SignOutcome.Signed signed) {
      answer.put("status", "signed").put("text", signed.text());
      answer.putObject("signature")
          .put("bigR", Hex.encode(signed.signature().bigR()))
          .put("r", Hex.encode(signed.signature().r()))
          .put("s", Hex.encode(signed.signature().s()))
          .put("recoveryId", signed.signature().recoveryId());
    } else {
      answer.put("status", "refused").put("reason", done.text());
    }
    return answer;
  }

  private String newId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static ObjectNode error(String status, String reason) {
    return JSON.createObjectNode().put("status", status).put("reason", reason == null ? "malformed request" : reason);
  }

  private static void reply(HttpExchange exchange, RequestOrigin origin, int status, Object body) throws IOException {
    if (origin != null) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin.serialized());
      exchange.getResponseHeaders().set("Vary", "Origin");
    }
    HttpExchanges.reply(exchange, status, "application/json; charset=utf-8", body.toString());
  }
}
