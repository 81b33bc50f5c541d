package io.chainsig.wallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.wallet.consent.SpecPayloads;
import io.chainsig.wallet.signer.LocalSecp256k1Signer;
import io.chainsig.wallet.signer.SignResult;
import io.chainsig.wallet.tx.bitcoin.BitcoinPayment;
import io.chainsig.wallet.tx.bitcoin.Psbt;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Sign;

/** The service over real HTTP, without a browser: API shapes, CORS, consent form checks, audit log. */
class WalletServerHttpTest {
  static final NearAccountId ACCOUNT = new NearAccountId("david.near");
  static final LocalSecp256k1Signer SIGNER =
      new LocalSecp256k1Signer(Secp256k1Scalar.of(new BigInteger("1234567890abcdef", 16)), ACCOUNT);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private WalletServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    WalletOptions options = new WalletOptions("local", "v1.signer", ACCOUNT, temp.resolve("key"), 0,
        temp.resolve("audit.jsonl"), false, Duration.ofMinutes(10));
    server = WalletServer.start(options, SIGNER, new FileAuditLog(options.auditLog()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String origin, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String signBody(String pathJson, String format, String data) {
    return "{\"path\":" + pathJson + ",\"format\":\"" + format + "\",\"data\":\"" + data + "\"}";
  }

  /** Checks a returned signature with web3j against the key derived for {@code path}. */
  static void assertSignatureVerifies(JsonNode signature, byte[] hash, String canonicalPath) throws Exception {
    SignResult result = new SignResult(Hex.decode(signature.get("bigR").asText()), Hex.decode(signature.get("s").asText()),
        signature.get("recoveryId").asInt());
    BigInteger recovered = Sign.signedMessageHashToKey(hash,
        new Sign.SignatureData((byte) (27 + result.recoveryId()), result.r(), result.s()));
    assertThat(recovered).isEqualTo(new BigInteger(1, SIGNER.publicKeyOf(canonicalPath).orElseThrow().point().toXy()));
  }

  @Test
  void preflightAllowsTheAskingOriginWithoutCredentials() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/sign"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://near.org")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://near.org");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void ownDomainKeyIsSignedAtOnceAndTheSignatureVerifies() throws Exception {
    String path = "{\"chain\":0,\"domain\":\"near.org\"}";
    HttpResponse<String> response = post("/api/sign", "https://near.org", "application/json",
        signBody(path, "bitcoin-psbt", SpecPayloads.send100BtcPsbt()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://near.org");
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.get("status").asText()).isEqualTo("signed");
    assertThat(answer.get("flow").asText()).isEqualTo("OWN_DOMAIN_KEY");
    byte[] hash = BitcoinPayment.ofPsbt(Psbt.parseText(SpecPayloads.send100BtcPsbt()), 0,
        io.chainsig.derivation.address.BitcoinNetwork.MAINNET).signingHash();
    assertSignatureVerifies(answer.get("signature"), hash, path);
    assertThat(Files.readAllLines(temp.resolve("audit.jsonl"))).singleElement().asString()
        .contains("\"outcome\":\"signed\"").contains("\"origin\":\"https://near.org\"");
  }

  @Test
  void personalKeyWaitsForTheConsentPageWhichChecksOriginAndToken() throws Exception {
    HttpResponse<String> pending = post("/api/sign", "https://near.org", "application/json",
        signBody("{\"chain\":60}", "evm-tx", SpecPayloads.SEND_100_BNB_HEX));
    assertThat(pending.statusCode()).isEqualTo(202);
    JsonNode answer = JSON.readTree(pending.body());
    String consentUrl = answer.get("consentUrl").asText();
    HttpResponse<String> page = get(consentUrl, null);
    assertThat(page.body()).contains("near.org would like to run the following Binance Smart Chain transaction:")
        .contains("Send 100 BNB").contains(">Accept</button>").contains(">Reject</button>");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    String consentPath = URI.create(consentUrl).getPath();
    // A form posted from another site is refused.
    assertThat(post(consentPath, "https://near.org", "application/x-www-form-urlencoded",
        "token=" + token.group(1) + "&decision=ACCEPT").statusCode()).isEqualTo(403);
    // Without the token too.
    assertThat(post(consentPath, server.baseUrl(), "application/x-www-form-urlencoded", "decision=ACCEPT").statusCode())
        .isEqualTo(403);
    HttpResponse<String> accepted = post(consentPath, server.baseUrl(), "application/x-www-form-urlencoded",
        "token=" + token.group(1) + "&decision=ACCEPT");
    assertThat(accepted.body()).contains("Signed \u2705");
    JsonNode status = JSON.readTree(get(server.baseUrl() + "/api/requests/" + answer.get("id").asText(), "https://near.org").body());
    assertThat(status.get("status").asText()).isEqualTo("signed");
    assertThat(status.get("flow").asText()).isEqualTo("PERSONAL_EVM_KEY");
    assertSignatureVerifies(status.get("signature"), SpecPayloads.send100Bnb().signingHash(), "{\"chain\":60}");
    // Another origin cannot read it.
    assertThat(get(server.baseUrl() + "/api/requests/" + answer.get("id").asText(), "https://attacker.com").statusCode())
        .isEqualTo(404);
  }

  @Test
  void malformedAndOriginlessRequestsAreRefusedClearly() throws Exception {
    assertThat(post("/api/sign", null, "application/json", signBody("{}", "hash", "00".repeat(32))).statusCode()).isEqualTo(400);
    HttpResponse<String> extraField = post("/api/sign", "https://near.org", "application/json",
        signBody("{\"chain\":0,\"id\":1}", "hash", "00".repeat(32)));
    assertThat(extraField.statusCode()).isEqualTo(400);
    assertThat(extraField.body()).contains("put your own data inside meta");
    HttpResponse<String> mismatch = post("/api/sign", "https://near.org", "application/json",
        signBody("{\"chain\":0,\"domain\":\"near.org\"}", "evm-tx", SpecPayloads.SEND_100_BNB_HEX));
    assertThat(mismatch.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(mismatch.body()).get("reason").asText()).startsWith("Refused: this is a Binance Smart Chain transaction");
    HttpResponse<String> insecure = post("/api/sign", "http://near.org", "application/json",
        signBody("{\"chain\":0,\"domain\":\"near.org\"}", "bitcoin-psbt", SpecPayloads.send100BtcPsbt()));
    assertThat(insecure.statusCode()).isEqualTo(403);
  }

  @Test
  void aRebindingHostNameIsNotServed() throws Exception {
    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
      socket.getOutputStream().write(("GET /api/requests/x HTTP/1.1\r\nHost: rebind.attacker.com:" + server.port()
          + "\r\nOrigin: http://rebind.attacker.com:" + server.port() + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void dappSuppliedTextIsEscapedOnTheConsentPage() throws Exception {
    HttpResponse<String> pending = post("/api/sign", "https://near.org", "application/json",
        signBody("{\"chain\":0,\"meta\":{\"x\":\"<script>alert(1)</script>\"}}", "bitcoin-psbt", SpecPayloads.send100BtcPsbt()));
    assertThat(pending.statusCode()).isEqualTo(202);
    HttpResponse<String> page = get(JSON.readTree(pending.body()).get("consentUrl").asText(), null);
    assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
  }

  @Test
  void anUnansweredPromptIsRefusedAfterFiveMinutes() throws Exception {
    io.chainsig.wallet.consent.ManualClock clock = new io.chainsig.wallet.consent.ManualClock();
    WalletOptions options = new WalletOptions("local", "v1.signer", ACCOUNT, temp.resolve("key"), 0,
        temp.resolve("audit2.jsonl"), false, Duration.ofMinutes(10));
    try (WalletServer timed = WalletServer.start(options, SIGNER, new FileAuditLog(options.auditLog()), clock)) {
      HttpResponse<String> pending = http.send(HttpRequest.newBuilder(URI.create(timed.baseUrl() + "/api/sign"))
          .header("Origin", "https://near.org").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(signBody("{\"chain\":0}", "bitcoin-psbt", SpecPayloads.send100BtcPsbt())))
          .build(), HttpResponse.BodyHandlers.ofString());
      String id = JSON.readTree(pending.body()).get("id").asText();
      clock.now = clock.now.plus(Duration.ofMinutes(5));
      JsonNode status = JSON.readTree(get(timed.baseUrl() + "/api/requests/" + id, "https://near.org").body());
      assertThat(status.get("status").asText()).isEqualTo("refused");
      assertThat(status.get("reason").asText()).startsWith("Refused: no answer from the user.");
      assertThat(get(timed.baseUrl() + "/consent/" + id, null).statusCode()).isEqualTo(404);
    }
  }
}
