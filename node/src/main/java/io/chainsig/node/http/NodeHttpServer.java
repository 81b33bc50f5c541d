package io.chainsig.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in the Prometheus text format and {@code GET /health} as JSON (HTTP
 * 200 when {@code status} is {@code "ok"}, 503 otherwise). Health values come from the node and
 * never include secrets.
 */
public final class NodeHttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  /** Starts serving on {@code host:port} (port 0 picks a free one). */
  public NodeHttpServer(
      String host, int port, PrometheusMeterRegistry metrics, Supplier<Map<String, Object>> health)
      throws IOException {
    // No Nagle stall on /metrics answers larger than a segment (see the sandbox's RPC server).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "node-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/metrics", ex -> {
      if (!get(ex)) {
        return;
      }
      respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
    });
    server.createContext("/health", ex -> {
      if (!get(ex)) {
        return;
      }
      Map<String, Object> h = health.get();
      int code = "ok".equals(h.get("status")) ? 200 : 503;
      respond(ex, code, "application/json", JSON.writeValueAsBytes(h));
    });
    server.createContext("/", ex -> respond(ex, 404, "text/plain", "not found: try /metrics or /health\n".getBytes(StandardCharsets.UTF_8)));
    server.start();
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static boolean get(HttpExchange ex) throws IOException {
    if (!"GET".equals(ex.getRequestMethod())) {
      respond(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
      return false;
    }
    return true;
  }

  private static void respond(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
