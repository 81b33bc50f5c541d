package io.chainsig.cli;

import static io.chainsig.cli.ChainsigLauncher.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.cli.bench.Bench;
import io.chainsig.cli.bench.PrometheusText;
import io.chainsig.cli.bench.SignLoad;
import io.chainsig.cli.bench.SignOutcome;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The resilience issue's acceptance test (docs/resilience.md): a devnet of its own (sandbox + 5
 * nodes, threshold 2) under a steady closed-loop load of 8 concurrent sign requests ({@link
 * SignLoad}: every answer verified with BouncyCastle and web3j against the locally derived key),
 * while processes are SIGKILLed: one node, then three (one more than the threshold allows), nodes
 * in the middle of presigning and signing, and the sandbox chain itself. Afterwards the chain's
 * blocks show one accepted response per answered request, and the audit of every node's store
 * shows no presignature used for two signatures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream LOG = System.out;
  private static final String TIMED_OUT = "Signature request has timed out";
  private static final Duration PAUSE = Duration.ofMillis(1500);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private static Path home;
  private static JsonNode devnet;
  private static NearRpcClient rpc;
  private static String contract;
  private static SignLoad load;
  private static Thread loadThread;
  private static long loadStartHeight;
  private static final List<SignOutcome> OUTCOMES = new CopyOnWriteArrayList<>();
  /** {@link System#nanoTime()} of the window in which requests may time out (scenario 2). */
  private static long outageStart = Long.MAX_VALUE;
  private static long outageEnd = Long.MIN_VALUE;
  private static boolean down;

  @BeforeAll
  static void upWithLoad() throws Exception {
    home = Files.createTempDirectory("chainsig-resilience-it");
    log("devnet up in " + home);
    runOk("devnet", "up", "--home", home.toString(), "--nodes", "5");
    devnet = JSON.readTree(home.resolve("devnet.json").toFile());
    rpc = new NearRpcClient(devnet.path("rpc_url").asText());
    contract = devnet.path("contract_id").asText();
    loadStartHeight = rpc.call("block", JSON.createObjectNode().put("finality", "final")).path("header").path("height").asLong();
    List<ChainSignaturesClient> clients = Bench.clients(home.resolve("devnet.json"), "load.test.near", 8, LOG);
    // Each client pauses between requests: a steady load that leaves the 2 cores room to restart processes.
    load = new SignLoad(clients, 1_000_000, "resilience-" + Long.toString(System.currentTimeMillis(), 36), PAUSE);
    loadThread = new Thread(() -> {
      try {
        load.run(o -> {
          OUTCOMES.add(o);
          if (!o.ok()) {
            log("request " + o.index() + " failed after " + Math.round(o.latencyMs()) + " ms: " + o.error());
          }
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "resilience-load");
    loadThread.start();
    log("load: 8 clients of load.test.near, each pausing " + PAUSE.toMillis() + " ms between requests, from block "
        + loadStartHeight);
  }

  @AfterAll
  static void downAtLast() throws Exception {
    if (load != null) {
      load.stop();
    }
    if (home != null && !down) {
      runOk("devnet", "down", "--home", home.toString());
    }
    if (loadThread != null) {
      loadThread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Test
  @Order(1)
  void oneNodeKilledUnderLoadLosesNoRequestAndRejoinsAfterRestart() throws Exception {
    awaitAnswers(16, 180, "the load to warm up");
    devnetCommand("kill", "3");
    awaitAnswers(24, 120, "answers with node 3 down");
    devnetCommand("start", "3");
    JsonNode health = awaitHealth(3, h -> "Running".equals(h.path("phase").asText()) && h.path("has_key_share").asBoolean()
        && h.path("reachable_peers").size() == 4);
    log("node 3 after restart: " + health);
    // It takes part again: it leads signatures and makes presignatures (its counters started at 0).
    awaitMetric(3, "chainsig_signatures_total", 1);
    awaitMetric(3, "chainsig_presignatures_made_total", 1);
    awaitAnswers(8, 120, "answers after node 3 is back");
    assertThat(failures()).as("every request answered with a valid signature").isEmpty();
  }

  @Test
  @Order(2)
  void beyondTheThresholdRequestsWaitOrTimeOutClearlyAndAreAnsweredOnceNodesAreBack() throws Exception {
    devnetCommand("kill", "4", "5");
    awaitAnswers(16, 120, "answers with nodes 4 and 5 down (threshold 2: 3 nodes still sign)");
    assertThat(failures()).isEmpty();

    outageStart = System.nanoTime();
    devnetCommand("kill", "2");
    // Only nodes 1 and 3 run: nothing can be signed. Requests in flight stay pending until the
    // contract times them out (200 blocks); nothing wrong is answered and nothing crashes.
    awaitOutcomes(o -> !o.ok(), 6, 90, "requests to time out");
    // The clients whose requests timed out have sent new ones: these wait for the nodes.
    Thread.sleep(PAUSE.toMillis() + 1000);
    long restart = System.nanoTime();
    assertThat(alive(1)).isTrue();
    assertThat(alive(3)).isTrue();
    devnetCommand("start", "2", "4", "5");
    long back = System.nanoTime();
    awaitAnswers(16, 120, "answers after nodes 2, 4 and 5 are back");
    outageEnd = System.nanoTime();
    List<SignOutcome> failed = failures();
    assertThat(failed).as("only requests sent before the nodes were back fail, by the contract's timeout").allSatisfy(o -> {
      assertThat(o.error()).contains(TIMED_OUT);
      assertThat(o.startNanos()).isBetween(outageStart - TimeUnit.SECONDS.toNanos(10), back);
      assertThat(o.latencyMs()).as("timed out after 200 blocks of 100 ms").isGreaterThan(19_000);
    });
    assertThat(failed).isNotEmpty();
    // Requests sent while nothing could sign (node 2 down, the others not back yet) waited and
    // were answered once the nodes were back.
    List<SignOutcome> waited = OUTCOMES.stream().filter(SignOutcome::ok)
        .filter(o -> o.startNanos() > outageStart + TimeUnit.SECONDS.toNanos(1) && o.startNanos() < back
            && o.endNanos() > restart && o.latencyMs() > 2000)
        .toList();
    log(failed.size() + " requests timed out during the outage, " + waited.size() + " sent during it were answered after it");
    assertThat(waited).isNotEmpty();
  }

  @Test
  @Order(3)
  void nodesKilledInTheMiddleOfPresigningAndSigningRestartAndSignOn() throws Exception {
    for (String node : List.of("1", "4", "2")) {
      awaitAnswers(6, 120, "answers before node " + node + " is killed");
      devnetCommand("kill", node);
      devnetCommand("start", node);
    }
    awaitAnswers(16, 120, "answers after the restarts");
    assertThat(failuresAfter(outageEnd)).isEmpty();
  }

  @Test
  @Order(4)
  void theChainRestartedUnderLoadLosesNothing() throws Exception {
    awaitAnswers(6, 120, "answers before the sandbox is killed");
    devnetCommand("kill", "sandbox");
    Thread.sleep(1000);
    devnetCommand("start", "sandbox");
    awaitAnswers(24, 180, "answers after the sandbox restart");
    for (int id = 1; id <= 5; id++) {
      JsonNode h = awaitHealth(id, x -> "Running".equals(x.path("phase").asText()));
      assertThat(h.path("has_key_share").asBoolean()).isTrue();
    }
    assertThat(failuresAfter(outageEnd)).isEmpty();
  }

  @Test
  @Order(5)
  void noRequestIsLostOrAnsweredTwiceAndNoPresignatureIsUsedTwice() throws Exception {
    load.stop();
    loadThread.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(loadThread.isAlive()).as("the load ends once its requests in flight are answered").isFalse();
    List<SignOutcome> all = List.copyOf(OUTCOMES);
    log(all.size() + " requests in all, " + failures().size() + " timed out");
    Set<Integer> indices = new HashSet<>();
    all.forEach(o -> assertThat(indices.add(o.index())).as("request " + o.index() + " has one outcome").isTrue());
    assertThat(indices).hasSize(all.size());
    assertThat(failuresAfter(outageEnd)).isEmpty();
    assertThat(rpc.view(contract, "pending_requests", "{}")).as("nothing left pending").isEmpty();

    // The chain's side: every answered request had exactly one successful sign and one accepted
    // respond in the stored blocks; a timed-out one none.
    ChainLedger ledger = ChainLedger.read(rpc, contract, loadStartHeight);
    log("chain: " + ledger.blocks() + " blocks read, " + ledger.successfulResponds().size() + " requests responded, "
        + ledger.failedResponds().values().stream().mapToInt(Integer::intValue).sum() + " responds refused");
    for (SignOutcome o : all) {
      String payload = Hex.encode(load.payload(o.index()));
      int expected = o.ok() ? 1 : 0;
      assertThat(ledger.successfulSigns().getOrDefault(payload, 0)).as("sign calls answered for request " + o.index())
          .isEqualTo(expected);
      assertThat(ledger.successfulResponds().getOrDefault(payload, 0)).as("responds accepted for request " + o.index())
          .isEqualTo(expected);
    }
    assertThat(ledger.successfulResponds().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((int) all.stream().filter(SignOutcome::ok).count());

    // The audit reads a stopped node's store only.
    ChainsigLauncher.Result locked = ChainsigLauncher.run("node", "audit", "--home", home.resolve("node1").toString());
    ChainsigLauncher.assertOneErrorLine(locked, "error: the store in ");
    assertThat(locked.err()).contains("is locked: the node is running");
    runOk("devnet", "down", "--home", home.toString());
    down = true;
    auditStores();
  }

  /**
   * Every node's store after the run: no presignature both available and used, every (owner,
   * presignature) used for one request and entropy by all nodes that used it, a follower's use
   * matched by the owner's led use (no share of a presignature its owner did not take durably
   * first), and at most 2t + 1 = 3 users.
   */
  private static void auditStores() throws Exception {
    Map<String, List<String>> purposes = new HashMap<>();
    Map<String, String> ledBy = new HashMap<>();
    List<String[]> joined = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      JsonNode audit = ChainsigLauncher.run("node", "audit", "--home", home.resolve("node" + id).toString(), "--json").json();
      Set<String> available = new HashSet<>();
      audit.path("available").forEach(a -> available.add(a.path("owner").asInt() + "/" + a.path("presignature_id").asText()));
      int led = 0;
      for (JsonNode u : audit.path("used")) {
        String key = u.path("owner").asInt() + "/" + u.path("presignature_id").asText();
        assertThat(available).as("node " + id + ": " + key + " is used and available").doesNotContain(key);
        String use = u.path("use").asText();
        assertThat(use).as("node " + id + ": " + key).isIn("led", "joined");
        String purpose = u.path("request_id").asText() + "/" + u.path("entropy").asText() + "/" + u.path("session_id").asText();
        purposes.computeIfAbsent(key, k -> new ArrayList<>()).add("node " + id + ": " + purpose);
        if (use.equals("led")) {
          assertThat(u.path("owner").asInt()).as("only the owner leads with a presignature").isEqualTo(id);
          ledBy.put(key, purpose);
          led++;
        } else {
          joined.add(new String[] {key, purpose, "node " + id});
        }
      }
      log("node " + id + " store: " + available.size() + " available, " + audit.path("used").size() + " used (" + led + " led)");
      assertThat(led).as("node " + id + " led signatures").isPositive();
    }
    for (Map.Entry<String, List<String>> e : purposes.entrySet()) {
      Set<String> distinct = new HashSet<>();
      e.getValue().forEach(p -> distinct.add(p.substring(p.indexOf(": ") + 2)));
      assertThat(distinct).as("presignature " + e.getKey() + " used for one signature: " + e.getValue()).hasSize(1);
      assertThat(e.getValue()).as("presignature " + e.getKey() + " users").hasSizeLessThanOrEqualTo(3);
    }
    for (String[] j : joined) {
      assertThat(ledBy.get(j[0])).as(j[2] + " joined a sign with " + j[0] + ": its owner took it for the same request first")
          .isEqualTo(j[1]);
    }
    log("audit: " + purposes.size() + " presignatures used, each for one signature");
  }

  // ---------------------------------------------------------------- helpers

  private static void log(String what) {
    LOG.println("[ResilienceIT " + LocalTime.now().withNano(0) + "] " + what);
  }

  private static void devnetCommand(String... args) {
    List<String> all = new ArrayList<>(List.of("devnet"));
    all.addAll(List.of(args));
    all.addAll(List.of("--home", home.toString()));
    log(String.join(" ", all.subList(0, all.size() - 2)));
    log(runOk(all.toArray(String[]::new)).strip());
  }

  private static List<SignOutcome> failures() {
    return OUTCOMES.stream().filter(o -> !o.ok()).toList();
  }

  /** Failures of requests sent after {@code nanos}. */
  private static List<SignOutcome> failuresAfter(long nanos) {
    return OUTCOMES.stream().filter(o -> !o.ok() && o.startNanos() > nanos).toList();
  }

  private static void awaitAnswers(int more, int seconds, String what) throws InterruptedException {
    awaitOutcomes(SignOutcome::ok, more, seconds, what);
  }

  /** Waits until {@code more} further outcomes match. */
  private static void awaitOutcomes(Predicate<SignOutcome> which, int more, int seconds, String what) throws InterruptedException {
    long base = OUTCOMES.stream().filter(which).count();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long start = System.nanoTime();
    while (OUTCOMES.stream().filter(which).count() < base + more) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what + " (" + more + " wanted, "
            + (OUTCOMES.stream().filter(which).count() - base) + " seen); node logs in " + home.resolve("logs") + "\n"
            + ChainsigLauncher.run("devnet", "status", "--home", home.toString()).out());
      }
      Thread.sleep(100);
    }
    log(what + ": " + more + " in " + (System.nanoTime() - start) / 1_000_000 + " ms (" + OUTCOMES.size() + " outcomes so far)");
  }

  private static JsonNode node(int id) {
    return devnet.path("nodes").get(id - 1);
  }

  private static boolean alive(int id) throws Exception {
    long pid = JSON.readTree(home.resolve("devnet.json").toFile()).path("nodes").get(id - 1).path("pid").asLong();
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static JsonNode awaitHealth(int id, Predicate<JsonNode> ok) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode h = null;
    while (System.nanoTime() < end) {
      try {
        h = JSON.readTree(get(node(id).path("health_url").asText()));
        if (ok.test(h)) {
          return h;
        }
      } catch (Exception e) {
        // not up yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node " + id + "'s health never became as expected: " + h);
  }

  private static void awaitMetric(int id, String name, double atLeast) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    double v = 0;
    while (System.nanoTime() < end) {
      v = PrometheusText.value(PrometheusText.parse(get(node(id).path("metrics_url").asText())), name);
      if (v >= atLeast) {
        log("node " + id + ": " + name + " = " + v);
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("node " + id + "'s " + name + " stayed at " + v + " (wanted >= " + atLeast + ")");
  }
}
