package io.chainsig.node.config;

import io.chainsig.near.NearKeyFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.node.http.NodeHttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node home creation, key files, config validation and the HTTP endpoint. */
class NodeHomeTest {
  @TempDir Path dir;

  private static NodeConfig config() {
    return new NodeConfig("node1.test.near", "127.0.0.1", 7001, "http://127.0.0.1:3030", "signer.test.near", "127.0.0.1", 8001, 16);
  }

  @Test
  void initWritesKeysPrivatelyAndReadsThemBack() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("n1"));
    home.init(config(), new SecureRandom());
    assertThat(home.config()).isEqualTo(config());
    assertThat(home.accountKey().accountId()).isEqualTo("node1.test.near");
    assertThat(home.accountKey().toString()).contains("<redacted>").doesNotContain(home.accountKey().secretKey());
    assertThat(home.storageKey()).hasSize(32);
    assertThat(home.meshKey().publicKey()).hasSize(32);
    for (String f : new String[] {"account_key.json", "mesh_key.json", "storage.key"}) {
      assertThat(Files.getPosixFilePermissions(home.dir().resolve(f)))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThatThrownBy(() -> home.init(config(), new SecureRandom())).hasMessageContaining("refusing to overwrite");
  }

  @Test
  void badConfigsNameTheField() {
    assertThatThrownBy(() -> new NodeConfig("Bad", "h", 1, "http://x", "c.near", "h", 2, 1)).hasMessageContaining("invalid account id");
    assertThatThrownBy(() -> new NodeConfig("a.near", "h", 0, "http://x", "c.near", "h", 2, 1)).hasMessageContaining("mesh_port");
    assertThatThrownBy(() -> new NodeConfig("a.near", "h", 1, "ftp://x", "c.near", "h", 2, 1)).hasMessageContaining("rpc_url");
    assertThatThrownBy(() -> new NodeHome(dir.resolve("none")).config()).hasMessageContaining("run 'chainsig node init");
  }

  @Test
  void keyFilesMustBeConsistent() {
    NearKeyFile k = NearKeyFile.generate("a.near", new SecureRandom());
    NearKeyFile other = NearKeyFile.generate("a.near", new SecureRandom());
    assertThatThrownBy(() -> new NearKeyFile("a.near", other.publicKey(), k.secretKey())).hasMessageContaining("does not match");
    assertThatThrownBy(() -> new NearKeyFile("a.near", k.publicKey(), "secp256k1:abc")).hasMessageContaining("ed25519:");
  }

  @Test
  void metricsAndHealthOverHttp() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("chainsig_signatures_total").increment(3);
    try (NodeHttpServer http = new NodeHttpServer("127.0.0.1", 0, registry, () -> Map.of("status", "ok", "participant_id", 1))) {
      HttpClient c = HttpClient.newHttpClient();
      HttpResponse<String> m = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(m.statusCode()).isEqualTo(200);
      assertThat(m.body()).contains("chainsig_signatures_total 3.0");
      HttpResponse<String> h = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(h.statusCode()).isEqualTo(200);
      assertThat(h.body()).contains("\"participant_id\":1");
      HttpResponse<String> post = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }
}
