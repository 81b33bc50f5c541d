package io.chainsig.cli;

import static io.chainsig.cli.ChainsigLauncher.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.NearKeyFile;
import io.chainsig.node.mesh.Backoff;
import io.chainsig.node.mesh.MeshKeyPair;
import io.chainsig.node.mesh.MeshListener;
import io.chainsig.node.mesh.MeshMessage;
import io.chainsig.node.mesh.MeshPeer;
import io.chainsig.node.mesh.MeshTransport;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.ECDSASignature;

/**
 * The node issue's acceptance test: {@code ./chainsig devnet up} starts a sandbox and five MPC
 * nodes as separate processes on 127.0.0.1; they generate the key; 200 sign requests from four
 * accounts with random paths all get signatures that web3j verifies under the derived keys; an
 * unknown mesh key and garbage are refused and logged without harm.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = ChainsigLauncher.ROOT;
  private static Path home;
  private static JsonNode devnet;


  @BeforeAll
  static void up() throws Exception {
    home = Files.createTempDirectory("chainsig-devnet-it");
    String out = runOk("devnet", "up", "--home", home.toString(), "--nodes", "5");
    assertThat(out).contains("devnet up: root public key secp256k1:");
    devnet = JSON.readTree(home.resolve("devnet.json").toFile());
  }

  @AfterAll
  static void down() throws Exception {
    if (home != null) {
      runOk("devnet", "down", "--home", home.toString());
    }
  }

  @Test
  @Order(1)
  void devnetFileDescribesTheNetwork() {
    assertThat(devnet.path("rpc_url").asText()).startsWith("http://127.0.0.1:");
    assertThat(devnet.path("contract_id").asText()).isEqualTo("signer.test.near");
    assertThat(devnet.path("root_public_key").asText()).startsWith("secp256k1:");
    assertThat(devnet.path("accounts")).hasSize(4);
    assertThat(devnet.path("nodes")).hasSize(5);
    for (JsonNode n : devnet.path("nodes")) {
      assertThat(n.path("pid").asLong()).isPositive();
      assertThat(n.path("metrics_url").asText()).startsWith("http://127.0.0.1:");
    }
  }

  @Test
  @Order(2)
  void twoHundredRequestsFromFourAccountsAllGetValidSignatures() throws Exception {
    NearRpcClient rpc = new NearRpcClient(devnet.path("rpc_url").asText());
    String contract = devnet.path("contract_id").asText();
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(devnet.path("root_public_key").asText());
    Map<String, String> verified = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    SecureRandom random = new SecureRandom();
    for (JsonNode a : devnet.path("accounts")) {
      NearKeyFile key = JSON.readValue(Path.of(a.path("key_file").asText()).toFile(), NearKeyFile.class);
      NearTransactionSender sender = new NearTransactionSender(rpc, key.accountId(), key.publicKey(), key.seed());
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          byte[] payload = new byte[32];
          random.nextBytes(payload);
          String path = "p" + random.nextInt(1_000_000) + "/" + i;
          String args = "{\"request\":{\"path\":\"" + path + "\",\"payload_v2\":{\"Ecdsa\":\"" + Hex.encode(payload)
              + "\"},\"domain_id\":0}}";
          JsonNode outcome = sender.functionCall(contract, "sign", args, BigInteger.ONE);
          JsonNode sig = JSON.readTree(NearTransactionSender.successValue(outcome));
          Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root, NearAccountId.of(key.accountId()), path);
          byte[] bigR = Hex.decode(sig.path("big_r").path("affine_point").asText());
          BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(bigR, 1, 33));
          BigInteger s = new BigInteger(1, Hex.decode(sig.path("s").path("scalar").asText()));
          BigInteger recovered = org.web3j.crypto.Sign.recoverFromSignature(
              sig.path("recovery_id").asInt(), new ECDSASignature(r, s), payload);
          assertThat(recovered).as("web3j recovers the derived key").isEqualTo(new BigInteger(1, derived.point().toXy()));
          assertThat(verified.put(Hex.encode(payload), key.accountId())).as("one answer per request").isNull();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(15, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(verified).hasSize(200);
    assertThat(rpc.view(contract, "pending_requests", "{}")).isEmpty();
    // Exactly 200 responds were accepted by the contract across all nodes: none lost, none twice.
    double responses = 0;
    HttpClient http = HttpClient.newHttpClient();
    for (JsonNode n : devnet.path("nodes")) {
      String metrics = http.send(HttpRequest.newBuilder(URI.create(n.path("metrics_url").asText())).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      for (String line : metrics.lines().toList()) {
        if (line.startsWith("chainsig_responses_total")) {
          responses += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    assertThat(responses).isEqualTo(200.0);
  }

  @Test
  @Order(3)
  void unknownKeysAndGarbageAreRefusedAndLogged() throws Exception {
    JsonNode node1 = devnet.path("nodes").get(0);
    String[] mesh = node1.path("mesh_url").asText().split(":");
    int port = Integer.parseInt(mesh[1]);
    // Plain garbage on the mesh port.
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream o = s.getOutputStream();
      o.write("\u0000\u0000\u0000\u0005garbage that is not TLS".getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      Thread.sleep(500);
    }
    // A TLS client whose key is not a participant's.
    MeshKeyPair stranger = MeshKeyPair.generate(new SecureRandom());
    byte[] node1Key = io.chainsig.crypto.encoding.Base58.decode(
        JSON.readTree(Path.of(node1.path("home").asText(), "mesh_key.json").toFile()).path("public_key").asText().substring(8), 32);
    List<MeshPeer> view = List.of(new MeshPeer(1, "127.0.0.1", port, node1Key),
        new MeshPeer(99, "127.0.0.1", freePort(), stranger.publicKey()));
    java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    try (MeshTransport t = new MeshTransport(99, stranger, "127.0.0.1", view.get(1).port(), () -> view,
        new MeshListener() {
          @Override
          public void onMessage(int from, MeshMessage message) {
            received.incrementAndGet();
          }
        }, new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)))) {
      t.start();
      Thread.sleep(2000);
    }
    // TLS 1.3 lets the client finish before the server checks its certificate; the server then
    // closes the connection, so the stranger never gets anything through.
    assertThat(received).hasValue(0);
    String log = Files.readString(Path.of(node1.path("log").asText()));
    assertThat(log).contains("mesh: refused");
    assertThat(log).contains("is not a current participant's");
    // Nothing crashed: node 1 is healthy and the network still signs.
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(node1.path("health_url").asText())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    String out = runOk("sign", "--devnet", home.resolve("devnet.json").toString(), "--path", "after-garbage",
        "--payload", "07".repeat(32), "--json");
    assertThat(JSON.readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow()).path("recovery_id").isInt()).isTrue();
  }

  @Test
  @Order(4)
  void theDefaultDevnetKeepsSigningWithANodeKilled() throws Exception {
    JsonNode node5 = devnet.path("nodes").get(4);
    ProcessHandle.of(node5.path("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
    String out = runOk("sign", "--devnet", home.resolve("devnet.json").toString(), "--path", "node-5-down",
        "--payload", "09".repeat(32), "--json");
    JsonNode sig = JSON.readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(sig.path("public_key").asText()).startsWith("secp256k1:");
    assertThat(runOk("devnet", "status", "--home", home.toString())).contains("DOWN");
  }

  @Test
  @Order(5)
  void aStoppedDevnetResumesWithTheSameKeyAndSigns() throws Exception {
    runOk("devnet", "down", "--home", home.toString());
    String out = runOk("devnet", "up", "--home", home.toString());
    assertThat(out).contains("resuming the devnet").contains(devnet.path("root_public_key").asText());
    String signed = runOk("sign", "--devnet", home.resolve("devnet.json").toString(), "--path", "after-restart",
        "--payload", "0a".repeat(32), "--json");
    JsonNode sig = JSON.readTree(signed.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(devnet.path("root_public_key").asText());
    assertThat(sig.path("public_key").asText()).isEqualTo(
        KeyDerivation.deriveSecp256k1(root, NearAccountId.of("alice.test.near"), "after-restart").toNearString());
  }

  private static int freePort() throws Exception {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
