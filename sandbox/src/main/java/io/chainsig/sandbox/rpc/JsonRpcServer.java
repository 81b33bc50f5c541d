package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chainsig.sandbox.chain.ChainCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over HTTP POST on the JDK's HTTP server. Every request gets a JSON-RPC answer:
 * malformed JSON, a missing method or a bug become nearcore-shaped errors, never a dropped
 * connection. Requests run on a pool of platform threads: transaction calls wait on the chain's
 * monitor for blocks, which would pin virtual threads' carriers on JDK 21.
 */
public final class JsonRpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);

  /** Requests served at once; a transaction call may hold a thread for its whole wait. */
  static final int MAX_CONCURRENT_REQUESTS = 256;

  /** Largest request body accepted (nearcore's default limit is 10 MiB). */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final RpcMethods methods;

  private JsonRpcServer(HttpServer server, ExecutorService executor, RpcMethods methods) {
    this.server = server;
    this.executor = executor;
    this.methods = methods;
  }

  /** Binds and starts the server. */
  public static JsonRpcServer start(InetSocketAddress address, RpcMethods methods) throws IOException {
    HttpServer server = HttpServer.create(address, 128);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(MAX_CONCURRENT_REQUESTS, r -> {
      Thread t = new Thread(r, "sandbox-rpc-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    JsonRpcServer rpc = new JsonRpcServer(server, executor, methods);
    server.createContext("/", rpc::handle);
    server.setExecutor(executor);
    server.start();
    return rpc;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, ChainCodec.MAPPER.createObjectNode().put("error", "use POST with a JSON-RPC body"));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      ObjectNode response = ChainCodec.MAPPER.createObjectNode().put("jsonrpc", "2.0");
      int status = 200;
      JsonNode request = null;
      try {
        if (body.length > MAX_BODY_BYTES) {
          throw RpcException.parse("request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        try {
          request = ChainCodec.MAPPER.readTree(body);
        } catch (IOException e) {
          throw RpcException.parse("Parse error: the body is not valid JSON");
        }
        if (request == null || !request.isObject() || !request.path("method").isTextual()) {
          throw RpcException.parse("Invalid request: expected an object with a string `method`");
        }
        response.set("result", methods.call(request.get("method").asText(), request.get("params")));
      } catch (RpcException e) {
        response.set("error", e.error());
        status = e.httpStatus();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        RpcException err = RpcException.internal("the sandbox is shutting down");
        response.set("error", err.error());
        status = err.httpStatus();
      } catch (RuntimeException e) {
        LOG.error("bug while answering a JSON-RPC request", e);
        RpcException err = RpcException.internal(e.getClass().getSimpleName() + ": " + e.getMessage());
        response.set("error", err.error());
        status = err.httpStatus();
      }
      JsonNode id = request != null && request.isObject() ? request.get("id") : null;
      response.set("id", id == null ? ChainCodec.MAPPER.nullNode() : id);
      send(ex, status, response);
    }
  }

  private static void send(HttpExchange ex, int status, JsonNode json) throws IOException {
    byte[] out = JsonBytes.utf8(json);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
