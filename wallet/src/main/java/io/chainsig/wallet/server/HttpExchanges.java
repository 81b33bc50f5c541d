package io.chainsig.wallet.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers around the JDK's {@link HttpExchange}: bounded bodies, replies, host checks. */
final class HttpExchanges {
  /** Requests carry at most a PSBT or a transaction; anything bigger is refused unread. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private HttpExchanges() {}

  static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IllegalArgumentException("request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /**
   * True when the Host header names this service on loopback. Anything else may be a DNS-rebinding
   * page that resolved its own name to 127.0.0.1 to read the API as same-origin.
   */
  static boolean hostIsLoopback(HttpExchange exchange, int port) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port));
  }
}
