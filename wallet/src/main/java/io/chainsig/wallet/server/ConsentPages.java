package io.chainsig.wallet.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chainsig.wallet.consent.ConsentButton;
import io.chainsig.wallet.consent.UserChoice;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /consent/{id}} shows a request's prompt; {@code POST /consent/{id}} takes the decision.
 * A decision counts only from this service's own page: the form token must match and the Origin
 * header must be the wallet's own. Pages may not be framed (clickjacking) and run no scripts.
 */
final class ConsentPages implements HttpHandler {
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final WebConsent consent;
  private final TrackedRequests requests;
  private final int port;
  private final Duration remember;

  ConsentPages(WebConsent consent, TrackedRequests requests, int port, Duration remember) {
    this.consent = consent;
    this.requests = requests;
    this.port = port;
    this.remember = remember;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Frame-Options", "DENY");
    // Not no-referrer: with it, browsers send "Origin: null" on the form post and the own-origin check fails.
    headers.set("Referrer-Policy", "same-origin");
    if (!HttpExchanges.hostIsLoopback(exchange, port)) {
      html(exchange, 421, ConsentPageHtml.message("Wrong address", "Open the wallet at 127.0.0.1:" + port + "."));
      return;
    }
    String id = exchange.getRequestURI().getPath().substring("/consent/".length());
    Optional<PendingConsent> pending = consent.find(id);
    if (pending.isEmpty()) {
      html(exchange, 404, ConsentPageHtml.message("No open request",
          "This request was already decided, has expired, or does not exist."));
      return;
    }
    PendingConsent entry = pending.get();
    switch (exchange.getRequestMethod()) {
      case "GET" -> html(exchange, 200, ConsentPageHtml.prompt(entry.request(), entry.prompt(), entry.formToken(), remember));
      case "POST" -> decide(exchange, entry);
      default -> html(exchange, 405, ConsentPageHtml.message("Not allowed", "Use the buttons of the consent page."));
    }
  }

  private void decide(HttpExchange exchange, PendingConsent entry) throws IOException {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    Map<String, String> form = form(HttpExchanges.body(exchange));
    boolean ownPage = ("http://127.0.0.1:" + port).equals(origin) || ("http://localhost:" + port).equals(origin);
    boolean tokenMatches = MessageDigest.isEqual(
        entry.formToken().getBytes(StandardCharsets.UTF_8), form.getOrDefault("token", "").getBytes(StandardCharsets.UTF_8));
    if (!ownPage || !tokenMatches) {
      html(exchange, 403, ConsentPageHtml.message("Refused", "Decisions are taken only from the wallet's own consent page."));
      return;
    }
    ConsentButton button;
    try {
      button = ConsentButton.valueOf(form.getOrDefault("decision", "REJECT"));
    } catch (IllegalArgumentException e) {
      button = ConsentButton.REJECT;
    }
    entry.answer().complete(new UserChoice(button, "yes".equals(form.get("remember"))));
    Optional<TrackedRequest> tracked = requests.find(entry.request().id());
    try {
      html(exchange, 200, ConsentPageHtml.outcome(tracked.orElseThrow().outcome().get(30, TimeUnit.SECONDS)));
    } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
      html(exchange, 500, ConsentPageHtml.message("Unknown outcome", "The decision was recorded; see the dapp for the result."));
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    HttpExchanges.reply(exchange, status, "text/html; charset=utf-8", body);
  }
}
