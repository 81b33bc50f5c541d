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
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;

/**
 * The wallet (`chainsig wallet --devnet`) in front of a real 3-node devnet: an own-domain key signs
 * without a prompt, a personal key signs after Accept on the consent page, another domain's key is
 * refused on Reject; every signature comes from the MPC network and is checked with web3j against
 * the key derived for the canonical path.
 */
class WalletDevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = ChainsigLauncher.ROOT;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Path home;
  private static JsonNode devnet;
  private static Process wallet;
  private static int port;


  @BeforeAll
  static void up() throws Exception {
    home = Files.createTempDirectory("chainsig-wallet-it");
    runOk("devnet", "up", "--home", home.toString(), "--nodes", "3");
    devnet = JSON.readTree(home.resolve("devnet.json").toFile());
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("chainsig").toString(), "wallet",
        "--devnet", home.resolve("devnet.json").toString(), "--port", String.valueOf(port),
        "--audit-log", home.resolve("audit.jsonl").toString())
        .redirectErrorStream(true).redirectOutput(home.resolve("wallet.log").toFile());
    pb.environment().put("CHAINSIG_SKIP_BUILD", "1");
    wallet = pb.start();
    long end = System.currentTimeMillis() + 60_000;
    while (!Files.readString(home.resolve("wallet.log")).contains("chainsig wallet for")) {
      assertThat(wallet.isAlive()).as(Files.readString(home.resolve("wallet.log"))).isTrue();
      assertThat(System.currentTimeMillis()).isLessThan(end);
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void down() throws Exception {
    if (wallet != null) {
      wallet.destroy();
      wallet.waitFor(10, TimeUnit.SECONDS);
    }
    if (home != null) {
      runOk("devnet", "down", "--home", home.toString());
    }
  }

  private static HttpResponse<String> post(String origin, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Origin", origin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String origin, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Origin", origin).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void decide(String consentUrl, String decision) throws Exception {
    String page = HTTP.send(HttpRequest.newBuilder(URI.create(consentUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(consentUrl))
        .header("Origin", "http://127.0.0.1:" + port).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + m.group(1) + "&decision=" + decision)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isLessThan(400);
  }

  private static JsonNode awaitFinal(String origin, String id) throws Exception {
    long end = System.currentTimeMillis() + 120_000;
    while (true) {
      JsonNode j = JSON.readTree(get(origin, "/api/requests/" + id).body());
      if (!"pending".equals(j.path("status").asText()) || System.currentTimeMillis() > end) {
        return j;
      }
      Thread.sleep(200);
    }
  }

  private static void assertSignedByTheNetwork(JsonNode answer, String canonicalPath, byte[] hash) {
    assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("signed");
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(devnet.path("root_public_key").asText());
    Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root,
        NearAccountId.of(devnet.path("accounts").get(0).path("account_id").asText()), canonicalPath);
    JsonNode sig = answer.path("signature");
    BigInteger recovered = org.web3j.crypto.Sign.recoverFromSignature(sig.path("recoveryId").asInt(),
        new ECDSASignature(new BigInteger(sig.path("r").asText(), 16), new BigInteger(sig.path("s").asText(), 16)), hash);
    assertThat(recovered).isEqualTo(new BigInteger(1, derived.point().toXy()));
  }

  @Test
  void ownDomainKeySignsThroughTheNetworkWithoutAPrompt() throws Exception {
    byte[] hash = new byte[32];
    hash[0] = 1;
    HttpResponse<String> r = post("https://near.org", "/api/sign",
        "{\"path\":{\"chain\":60,\"domain\":\"near.org\"},\"format\":\"hash\",\"data\":\"" + Hex.encode(hash) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertSignedByTheNetwork(JSON.readTree(r.body()), "{\"chain\":60,\"domain\":\"near.org\"}", hash);
  }

  @Test
  void personalKeySignsAfterAccept() throws Exception {
    byte[] hash = new byte[32];
    hash[0] = 2;
    HttpResponse<String> r = post("https://near.org", "/api/sign",
        "{\"path\":{\"chain\":0},\"format\":\"hash\",\"data\":\"" + Hex.encode(hash) + "\"}");
    JsonNode pending = JSON.readTree(r.body());
    assertThat(pending.path("status").asText()).as(r.body()).isEqualTo("pending");
    decide(pending.path("consentUrl").asText(), "ACCEPT");
    assertSignedByTheNetwork(awaitFinal("https://near.org", pending.path("id").asText()), "{\"chain\":0}", hash);
  }

  @Test
  void anotherDomainsKeyShowsTheWarningAndIsRefusedOnReject() throws Exception {
    HttpResponse<String> r = post("https://attacker.com", "/api/sign",
        "{\"path\":{\"chain\":0,\"domain\":\"near.org\"},\"format\":\"hash\",\"data\":\"" + "33".repeat(32) + "\"}");
    JsonNode pending = JSON.readTree(r.body());
    assertThat(pending.path("status").asText()).as(r.body()).isEqualTo("pending");
    String page = HTTP.send(HttpRequest.newBuilder(URI.create(pending.path("consentUrl").asText())).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(page).contains("suspicious");
    assertThat(page.indexOf("Reject")).isLessThan(page.indexOf("Accept (Are you sure!)"));
    decide(pending.path("consentUrl").asText(), "REJECT");
    JsonNode done = awaitFinal("https://attacker.com", pending.path("id").asText());
    assertThat(done.path("status").asText()).isEqualTo("refused");
    assertThat(Files.readString(home.resolve("audit.jsonl"))).contains("attacker.com");
  }
}
