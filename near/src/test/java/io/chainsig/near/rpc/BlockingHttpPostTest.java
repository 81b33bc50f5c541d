package io.chainsig.near.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockingHttpPostTest {
  private HttpServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/echo", ex -> {
      clientPorts.add(ex.getRemoteAddress().getPort());
      byte[] in = ex.getRequestBody().readAllBytes();
      byte[] out = ("{\"got\":" + new String(in, StandardCharsets.UTF_8) + ",\"type\":\""
          + ex.getRequestHeaders().getFirst("Content-Type") + "\"}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.createContext("/error", ex -> {
      byte[] out = "{\"error\":{\"name\":\"HANDLER_ERROR\"}}".getBytes(StandardCharsets.UTF_8);
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(500, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private BlockingHttpPost post(String path, Duration read) {
    return new BlockingHttpPost(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        Duration.ofSeconds(2), read);
  }

  @Test
  void postsJsonAndReusesTheConnection() throws IOException {
    BlockingHttpPost p = post("/echo", Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      NearRpcClient.Answer a = p.post(("[" + i + "]").getBytes(StandardCharsets.UTF_8));
      assertThat(a.status()).isEqualTo(200);
      assertThat(new String(a.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"got\":[" + i + "],\"type\":\"application/json\"}");
    }
    assertThat(clientPorts).as("one keep-alive connection for calls one after another").hasSize(1);
  }

  @Test
  void anErrorStatusStillGivesItsBody() throws IOException {
    NearRpcClient.Answer a = post("/error", Duration.ofSeconds(5)).post("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(a.status()).isEqualTo(500);
    assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("HANDLER_ERROR");
  }

  @Test
  void aSilentServerTimesOut() {
    assertThatThrownBy(() -> post("/slow", Duration.ofMillis(300)).post("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anUnreachableServerIsAnIoError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    BlockingHttpPost p = new BlockingHttpPost(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> p.post("{}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
  }

  @Test
  void onlyHttpUrls() {
    assertThatThrownBy(() -> new BlockingHttpPost(URI.create("ftp://127.0.0.1/"), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
