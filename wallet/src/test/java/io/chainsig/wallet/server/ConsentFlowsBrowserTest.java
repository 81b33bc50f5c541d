package io.chainsig.wallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.wallet.consent.SpecPayloads;
import io.chainsig.wallet.tx.bitcoin.BitcoinPayment;
import io.chainsig.wallet.tx.bitcoin.Psbt;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The five flows of the wallet spec in headless Debian chromium: a dapp served on other origins
 * ({@code near.org} and {@code attacker.com}, mapped to 127.0.0.1 inside the browser) asks the
 * running wallet to sign; consent pages are answered with the mouse and with the keyboard;
 * signatures are checked with web3j; screenshots go to {@code target/browser-screenshots}.
 */
class ConsentFlowsBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static WalletServer wallet;
  private static HttpServer dapp;
  private static WebDriver browser;
  private static Path audit;
  private static Path profile;

  @BeforeAll
  static void startAll() throws IOException {
    assertThat(Files.isExecutable(CHROMIUM))
        .withFailMessage("chromium is missing at %s: run scripts/install-test-deps.sh (scripts/install.d/wallet.sh installs"
            + " the Debian packages chromium and chromium-driver)", CHROMIUM)
        .isTrue();
    assertThat(Files.isExecutable(CHROMEDRIVER))
        .withFailMessage("chromedriver is missing at %s: run scripts/install-test-deps.sh", CHROMEDRIVER)
        .isTrue();
    Files.createDirectories(SCREENSHOTS);
    audit = Files.createTempFile("wallet-audit", ".jsonl");
    WalletOptions options = new WalletOptions("local", "v1.signer", WalletServerHttpTest.ACCOUNT, Path.of("unused"), 0,
        audit, true, Duration.ofMinutes(10));
    wallet = WalletServer.start(options, WalletServerHttpTest.SIGNER, new FileAuditLog(audit), Clock.systemUTC());
    dapp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    dapp.createContext("/dapp.html", exchange -> {
      byte[] page;
      try (InputStream in = ConsentFlowsBrowserTest.class.getResourceAsStream("dapp.html")) {
        page = in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    dapp.start();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions chrome = new ChromeOptions();
    chrome.setBinary(CHROMIUM.toFile());
    chrome.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1000,900", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP near.org 127.0.0.1, MAP attacker.com 127.0.0.1",
        "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, chrome);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopAll() {
    if (browser != null) {
      browser.quit();
    }
    if (dapp != null) {
      dapp.stop(0);
    }
    if (wallet != null) {
      wallet.close();
    }
  }

  @AfterEach
  void closeExtraWindows() {
    List<String> handles = List.copyOf(browser.getWindowHandles());
    for (int i = 1; i < handles.size(); i++) {
      browser.switchTo().window(handles.get(i)).close();
    }
    browser.switchTo().window(handles.getFirst());
  }

  private static String dappUrl(String site, String path, String format, String data) {
    return "http://" + site + ":" + dapp.getAddress().getPort() + "/dapp.html"
        + "?wallet=" + enc(wallet.baseUrl()) + "&path=" + enc(path) + "&format=" + enc(format) + "&data=" + enc(data);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Polls a condition until it holds, failing with what it waited for after 15 seconds. */
  private static final class Waiting {
    void until(java.util.function.Function<WebDriver, Boolean> condition) {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      RuntimeException last = null;
      while (System.nanoTime() < deadline) {
        try {
          if (Boolean.TRUE.equals(condition.apply(browser))) {
            return;
          }
        } catch (org.openqa.selenium.WebDriverException e) {
          last = e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      throw new AssertionError("timed out after 15 s on " + browser.getCurrentUrl(), last);
    }
  }

  private static Waiting waiting() {
    return new Waiting();
  }

  private static void screenshot(String name) throws IOException {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** Opens the dapp on {@code site} and presses its Sign button. */
  private static String askToSign(String site, String path, String format, String data) {
    browser.get(dappUrl(site, path, format, data));
    String dappWindow = browser.getWindowHandle();
    browser.findElement(By.id("sign")).click();
    waiting().until(d -> !d.findElement(By.id("result")).getAttribute("data-status").equals("none"));
    return dappWindow;
  }

  /** Follows the dapp's link to the consent page in a new window. */
  private static void openConsentPage(String dappWindow) {
    waiting().until(d -> d.findElement(By.id("consent-link")).isDisplayed());
    browser.findElement(By.id("consent-link")).click();
    waiting().until(d -> d.getWindowHandles().size() == 2);
    browser.getWindowHandles().stream().filter(h -> !h.equals(dappWindow)).findFirst().ifPresent(h -> browser.switchTo().window(h));
    waiting().until(d -> !d.findElements(By.id("title")).isEmpty());
  }

  /** Back on the dapp, waits for the final answer. */
  private static JsonNode dappResult(String dappWindow) throws IOException {
    browser.switchTo().window(dappWindow);
    waiting().until(d -> {
      String status = d.findElement(By.id("result")).getAttribute("data-status");
      return !status.equals("none") && !status.equals("pending");
    });
    return JSON.readTree(browser.findElement(By.id("result")).getText());
  }

  private static List<String> buttonLabels() {
    return browser.findElements(By.cssSelector(".buttons button")).stream().map(WebElement::getText).toList();
  }

  private static byte[] btcHash() {
    return BitcoinPayment.ofPsbt(Psbt.parseText(SpecPayloads.send100BtcPsbt()), 0, BitcoinNetwork.MAINNET).signingHash();
  }

  @Test
  void flow1DomainsBitcoinKeySignsWithoutAPrompt() throws Exception {
    String path = "{\"domain\":\"near.org\",\"chain\":0}";
    String dappWindow = askToSign("near.org", path, "bitcoin-psbt", SpecPayloads.send100BtcPsbt());
    JsonNode result = dappResult(dappWindow);
    screenshot("flow1-own-domain-key-dapp");
    assertThat(browser.getWindowHandles()).hasSize(1);
    assertThat(result.get("status").asText()).isEqualTo("signed");
    assertThat(result.get("flow").asText()).isEqualTo("OWN_DOMAIN_KEY");
    WalletServerHttpTest.assertSignatureVerifies(result.get("signature"), btcHash(), "{\"chain\":0,\"domain\":\"near.org\"}");
  }

  @Test
  void flow2PersonalBitcoinKeyIsAcceptedWithTheMouse() throws Exception {
    String dappWindow = askToSign("near.org", "{\"chain\":0}", "bitcoin-psbt", SpecPayloads.send100BtcPsbt());
    openConsentPage(dappWindow);
    assertThat(browser.findElement(By.id("title")).getText())
        .isEqualTo("near.org would like to run the following Bitcoin transaction:");
    assertThat(browser.findElement(By.cssSelector("#transaction li")).getText()).isEqualTo("Send 100 BTC");
    assertThat(browser.findElement(By.id("origin")).getText()).startsWith("http://near.org:");
    assertThat(browser.findElement(By.id("key")).getText()).isEqualTo("david.near,bitcoin,");
    assertThat(buttonLabels()).containsExactly("Accept", "Reject");
    assertThat(browser.findElements(By.cssSelector(".warning"))).isEmpty();
    screenshot("flow2-personal-bitcoin-key-prompt");
    browser.findElement(By.id("accept")).click();
    waiting().until(d -> d.findElement(By.id("outcome")).getText().equals("Signed \u2705"));
    screenshot("flow2-personal-bitcoin-key-signed");
    JsonNode result = dappResult(dappWindow);
    assertThat(result.get("status").asText()).isEqualTo("signed");
    assertThat(result.get("flow").asText()).isEqualTo("PERSONAL_KEY");
    WalletServerHttpTest.assertSignatureVerifies(result.get("signature"), btcHash(), "{\"chain\":0}");
  }

  @Test
  void flow3PersonalEvmKeyNamesBinanceSmartChainAndIsAcceptedWithTheKeyboard() throws Exception {
    String dappWindow = askToSign("near.org", "{\"chain\":60}", "evm-tx", SpecPayloads.SEND_100_BNB_HEX);
    openConsentPage(dappWindow);
    assertThat(browser.findElement(By.id("title")).getText())
        .isEqualTo("near.org would like to run the following Binance Smart Chain transaction:");
    assertThat(browser.findElement(By.cssSelector("#transaction li")).getText()).isEqualTo("Send 100 BNB");
    assertThat(buttonLabels()).containsExactly("Accept", "Reject");
    screenshot("flow3-personal-evm-key-prompt");
    for (int i = 0; i < 6 && !"accept".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("accept");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waiting().until(d -> d.findElement(By.id("outcome")).getText().equals("Signed \u2705"));
    JsonNode result = dappResult(dappWindow);
    assertThat(result.get("flow").asText()).isEqualTo("PERSONAL_EVM_KEY");
    WalletServerHttpTest.assertSignatureVerifies(result.get("signature"), SpecPayloads.send100Bnb().signingHash(), "{\"chain\":60}");
  }

  @Test
  void flow4UntypedDomainKeySignsWithoutAPrompt() throws Exception {
    String dappWindow = askToSign("near.org", "{\"domain\":\"near.org\"}", "bitcoin-psbt", SpecPayloads.send100BtcPsbt());
    JsonNode result = dappResult(dappWindow);
    screenshot("flow4-untyped-domain-key-dapp");
    assertThat(result.get("status").asText()).isEqualTo("signed");
    assertThat(result.get("flow").asText()).isEqualTo("OWN_DOMAIN_UNTYPED_KEY");
    assertThat(result.get("text").asText()).isEqualTo(
        "Signed without confirmation: the untyped key david.near,,near.org, is owned by near.org.");
    WalletServerHttpTest.assertSignatureVerifies(result.get("signature"), btcHash(), "{\"domain\":\"near.org\"}");
  }

  @Test
  void flow5AnotherDomainsKeyWarnsWithRejectFirstAndFocusedSoEnterRejects() throws Exception {
    String dappWindow = askToSign("attacker.com", "{\"chain\":0,\"domain\":\"near.org\"}", "bitcoin-psbt",
        SpecPayloads.send100BtcPsbt());
    openConsentPage(dappWindow);
    assertThat(browser.findElement(By.id("title")).getText())
        .isEqualTo("attacker.com would like to sign a transaction using your credentials from near.org");
    assertThat(browser.findElement(By.cssSelector("#transaction li")).getText()).isEqualTo("Send 100 BTC");
    assertThat(browser.findElement(By.cssSelector(".warning")).getText())
        .isEqualTo("This is a suspicious transaction and likely not one you should accept");
    assertThat(buttonLabels()).containsExactly("Reject", "Accept (Are you sure!)");
    WebElement reject = browser.findElement(By.id("reject"));
    WebElement accept = browser.findElement(By.id("accept-suspicious"));
    assertThat(reject.getLocation().getX()).isLessThan(accept.getLocation().getX());
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reject");
    assertThat(browser.findElements(By.id("remember"))).isEmpty();
    screenshot("flow5-other-domain-key-warning");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waiting().until(d -> d.findElement(By.id("outcome")).getText().equals("Not signed"));
    screenshot("flow5-other-domain-key-rejected");
    JsonNode result = dappResult(dappWindow);
    assertThat(result.get("status").asText()).isEqualTo("refused");
    assertThat(result.get("reason").asText()).startsWith("Rejected by the user.");
    assertThat(result.has("signature")).isFalse();
  }

  @Test
  void flow5AcceptingTheWarningTakesADeliberateSecondButton() throws Exception {
    String dappWindow = askToSign("attacker.com", "{\"chain\":0,\"domain\":\"near.org\"}", "bitcoin-psbt",
        SpecPayloads.send100BtcPsbt());
    openConsentPage(dappWindow);
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Accept (Are you sure!)");
    new Actions(browser).sendKeys(Keys.SPACE).perform();
    waiting().until(d -> d.findElement(By.id("outcome")).getText().equals("Signed \u2705"));
    JsonNode result = dappResult(dappWindow);
    assertThat(result.get("flow").asText()).isEqualTo("OTHER_DOMAIN_KEY");
    WalletServerHttpTest.assertSignatureVerifies(result.get("signature"), btcHash(), "{\"chain\":0,\"domain\":\"near.org\"}");
  }

  @Test
  void blindSigningShowsTheStrongWarning() throws Exception {
    String dappWindow = askToSign("near.org", "{\"chain\":60}", "hash", "ab".repeat(32));
    openConsentPage(dappWindow);
    assertThat(browser.findElement(By.id("title")).getText()).contains("blind signing");
    assertThat(browser.findElement(By.cssSelector(".warning")).getText()).startsWith("Blind signing:");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reject");
    screenshot("blind-signing-warning");
    browser.findElement(By.id("reject")).click();
    assertThat(dappResult(dappWindow).get("status").asText()).isEqualTo("refused");
    assertThat(Files.readString(audit)).contains("\"flow\":\"PERSONAL_EVM_KEY\",\"outcome\":\"refused\"");
  }

  @Test
  void aChainMismatchIsRefusedWithoutAPrompt() throws Exception {
    String dappWindow = askToSign("near.org", "{\"chain\":0,\"domain\":\"near.org\"}", "evm-tx", SpecPayloads.SEND_100_BNB_HEX);
    JsonNode result = dappResult(dappWindow);
    screenshot("chain-mismatch-refused-dapp");
    assertThat(result.get("status").asText()).isEqualTo("refused");
    assertThat(result.get("reason").asText()).contains("is a Bitcoin key");
  }

  @Test
  void rememberedApprovalSkipsTheNextPromptForTheSameSiteAndKey() throws Exception {
    String path = "{\"chain\":0,\"meta\":{\"remember\":true}}";
    String dappWindow = askToSign("near.org", path, "bitcoin-psbt", SpecPayloads.send100BtcPsbt());
    openConsentPage(dappWindow);
    WebElement remember = browser.findElement(By.id("remember"));
    assertThat(remember.getAttribute("checked")).isNull();
    remember.sendKeys(Keys.SPACE);
    assertThat(remember.isSelected()).isTrue();
    screenshot("remember-approval-prompt");
    browser.findElement(By.id("accept")).click();
    waiting().until(d -> d.findElement(By.id("outcome")).getText().equals("Signed \u2705"));
    assertThat(dappResult(dappWindow).get("status").asText()).isEqualTo("signed");
    closeExtraWindows();
    String again = askToSign("near.org", path, "bitcoin-psbt", SpecPayloads.send100BtcPsbt());
    JsonNode second = dappResult(again);
    assertThat(browser.getWindowHandles()).hasSize(1);
    assertThat(second.get("status").asText()).isEqualTo("signed");
    assertThat(second.get("text").asText()).startsWith("Signed without asking again: you approved near.org");
    WalletServerHttpTest.assertSignatureVerifies(second.get("signature"), btcHash(), "{\"chain\":0,\"meta\":{\"remember\":true}}");
  }
}
