package io.chainsig.cli;

import static io.chainsig.cli.ChainsigLauncher.jsonLine;
import static io.chainsig.cli.ChainsigLauncher.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

/**
 * The resilience issue's acceptance test for a node that sends wrong protocol messages: {@code
 * ./chainsig devnet up --nodes 5 --fault-injection 3:presign} (threshold 2, so signer sets of 3 and
 * sets without node 3 exist); the honest nodes abort its presign sessions, log the aborts with its
 * id and exclude it; every request sent through {@code ./chainsig sign} is answered with a signature
 * that web3j recovers to the derived key.
 */
class FaultInjectionDevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FAULTY = 3;
  private static Path home;

  @AfterAll
  static void down() {
    if (home != null) {
      runOk("devnet", "down", "--home", home.toString());
    }
  }

  @Test
  void theHonestNodesExcludeANodeSendingWrongPresignMessagesAndSignEveryRequest() throws Exception {
    home = Files.createTempDirectory("chainsig-fault-it");
    String up = runOk("devnet", "up", "--home", home.toString(), "--nodes", "5", "--fault-injection", FAULTY + ":presign");
    assertThat(up).contains("node 3: pid").contains("FAULT INJECTION presign");
    JsonNode devnet = JSON.readTree(home.resolve("devnet.json").toFile());
    assertThat(devnet.path("threshold").asInt()).isEqualTo(2);
    assertThat(devnet.path("nodes").get(FAULTY - 1).path("fault_injection").asText()).isEqualTo("presign");
    assertThat(devnet.path("nodes").get(0).has("fault_injection")).isFalse();

    // Eight requests through the CLI, two from each of the four accounts (one thread each, so no
    // two processes share an access key); each answer checked with web3j.
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(devnet.path("root_public_key").asText());
    SecureRandom random = new SecureRandom();
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "fault-it-sign"));
    List<Future<?>> signed = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      JsonNode account = devnet.path("accounts").get(i % 4);
      String path = "fault-" + i;
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      signed.add(pool.submit(() -> {
        JsonNode sig = JSON.readTree(jsonLine(runOk("sign", "--rpc", devnet.path("rpc_url").asText(),
            "--contract", devnet.path("contract_id").asText(), "--account", account.path("account_id").asText(),
            "--key-file", account.path("key_file").asText(), "--path", path, "--payload", Hex.encode(payload), "--json")));
        byte[] bigR = Hex.decode(sig.path("big_r").path("affine_point").asText());
        byte[] s = Hex.decode(sig.path("s").path("scalar").asText());
        BigInteger recovered = Sign.signedMessageHashToKey(payload, new Sign.SignatureData(
            (byte) (27 + sig.path("recovery_id").asInt()), Arrays.copyOfRange(bigR, 1, 33), s));
        Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root, NearAccountId.of(account.path("account_id").asText()), path);
        assertThat(recovered).as("web3j recovers the derived key for %s", path).isEqualTo(new BigInteger(1, derived.point().toXy()));
        return null;
      }));
    }
    for (Future<?> f : signed) {
      f.get(6, TimeUnit.MINUTES);
    }
    pool.shutdown();

    // Every honest node excludes node 3 (health and metrics) and logged the aborts with its id.
    HttpClient http = HttpClient.newHttpClient();
    for (JsonNode n : devnet.path("nodes")) {
      int id = n.path("participant_id").asInt();
      if (id == FAULTY) {
        continue;
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!JSON.readTree(get(http, n.path("health_url").asText())).path("excluded_participants").toString().equals("[3]")) {
        assertThat(System.nanoTime()).as("node %d excludes node 3 (and only it) within a minute", id).isLessThan(end);
        Thread.sleep(500);
      }
      assertThat(get(http, n.path("metrics_url").asText()))
          .contains("chainsig_exclusions_total{participant=\"3\"} 1.0")
          .contains("chainsig_excluded_participants");
      String log = Files.readString(Path.of(n.path("log").asText()));
      assertThat(log).containsPattern("presign with signers \\[[^]]*P3[^]]*\\] aborted: .*failures: .*P3=\\d/3");
      assertThat(log).contains("participant P3 excluded from new signer sets");
    }
    JsonNode faulty = devnet.path("nodes").get(FAULTY - 1);
    assertThat(Files.readString(Path.of(faulty.path("log").asText())))
        .contains("FAULT INJECTION IS ON (mode presign)")
        .contains("fault injection (presign): sending a wrong presign message");
    assertThat(JSON.readTree(get(http, faulty.path("health_url").asText())).path("fault_injection").asText()).isEqualTo("presign");
    assertThat(runOk("devnet", "status", "--home", home.toString()))
        .contains("excluding [3]")
        .contains("FAULT INJECTION presign");
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
