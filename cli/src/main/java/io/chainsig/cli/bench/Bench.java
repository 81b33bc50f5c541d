package io.chainsig.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.cli.devnet.Devnet;
import io.chainsig.near.NearKeyFile;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One benchmark run against a devnet (docs/performance.md, "Signing benchmark"): a fresh account
 * with one access key per concurrent client, a warm-up, then a closed-loop load of sign requests
 * while the nodes' metrics are read every 200 ms and the processes' CPU time is taken before and
 * after. Produces a report as text and JSON and an SVG plot.
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger NEAR = BigInteger.TEN.pow(24);
  static final long SAMPLE_MS = 200;

  private final Path devnetFile;
  private final PrintStream progress;

  /** A benchmark of the devnet described by {@code devnetFile}; progress goes to {@code progress}. */
  public Bench(Path devnetFile, PrintStream progress) {
    this.devnetFile = devnetFile;
    this.progress = progress;
  }

  /**
   * Runs {@code requests} sign requests, {@code concurrency} at a time, after {@code warmup}
   * uncounted ones, and writes the plot to {@code plot}.
   *
   * @return the report (see {@link #text} for its human form)
   */
  public ObjectNode run(int requests, int concurrency, int warmup, Path plot) throws Exception {
    JsonNode d = JSON.readTree(devnetFile.toFile());
    String rpcUrl = d.path("rpc_url").asText();
    String contract = d.path("contract_id").asText();
    List<URI> metrics = new ArrayList<>();
    List<Long> nodePids = new ArrayList<>();
    int poolTarget = 0;
    for (JsonNode n : d.path("nodes")) {
      metrics.add(URI.create(n.path("metrics_url").asText()));
      nodePids.add(n.path("pid").asLong());
      poolTarget += poolTargetOf(n);
    }
    long sandboxPid = d.path("sandbox").path("pid").asLong();
    String runId = Long.toString(System.currentTimeMillis(), 36);

    List<ChainSignaturesClient> clients = clients(devnetFile, "bench-" + runId + ".test.near", concurrency, progress);
    NetworkSampler sampler = new NetworkSampler(metrics, SAMPLE_MS);
    if (warmup > 0) {
      progress.printf("warm-up: %d requests%n", warmup);
      List<SignOutcome> w = new SignLoad(clients, warmup, runId + "-warmup").run(o -> { });
      long failed = w.stream().filter(o -> !o.ok()).count();
      if (failed > 0) {
        progress.printf("warning: %d of %d warm-up requests failed, e.g.: %s%n", failed, warmup,
            w.stream().filter(o -> !o.ok()).findFirst().orElseThrow().error());
      }
    }
    awaitPool(sampler, poolTarget);

    NetworkSample before = sampler.sample();
    Map<Long, Double> cpuBefore = cpu(nodePids, sandboxPid);
    double clientCpuBefore = ProcessCpu.self();
    sampler.start();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    Thread ticker = progressTicker(requests, done, failed, sampler, start);
    List<SignOutcome> outcomes = new SignLoad(clients, requests, runId).run(o -> {
      done.incrementAndGet();
      if (!o.ok()) {
        failed.incrementAndGet();
      }
    });
    ticker.interrupt();
    ticker.join();
    progress.printf(Locale.ROOT, "  %5.1f s  %d/%d done, %d failed%n", (System.nanoTime() - start) / 1e9, done.get(), requests,
        failed.get());
    Map<Long, Double> cpuAfter = cpu(nodePids, sandboxPid);
    double clientCpuAfter = ProcessCpu.self();
    sampler.close();
    NetworkSample after = sampler.sample();

    ObjectNode report = report(d, requests, concurrency, start, outcomes, before, after, sampler.samples());
    long ok = outcomes.stream().filter(SignOutcome::ok).count();
    double nodesCpu = 0;
    for (long pid : nodePids) {
      nodesCpu += cpuAfter.get(pid) - cpuBefore.get(pid);
    }
    ObjectNode cpu = report.putObject("cpu_ms_per_signature");
    cpu.put("nodes", round(ok == 0 ? Double.NaN : nodesCpu * 1000 / ok));
    cpu.put("sandbox", round(ok == 0 ? Double.NaN : (cpuAfter.get(sandboxPid) - cpuBefore.get(sandboxPid)) * 1000 / ok));
    cpu.put("client", round(ok == 0 ? Double.NaN : (clientCpuAfter - clientCpuBefore) * 1000 / ok));
    report.set("machine", machine());
    Files.writeString(plot, plot(report, start, outcomes, sampler.samples()));
    report.put("plot", plot.toAbsolutePath().toString());
    return report;
  }

  private static int poolTargetOf(JsonNode node) {
    try {
      return JSON.readTree(Path.of(node.path("home").asText(), "config.json").toFile()).path("presignature_pool_target").asInt();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Clients of a new account {@code account} of the devnet described by {@code devnetFile}, one per
   * full-access key ({@code n} keys, so {@code n} requests can be in flight at once), funded by the
   * sandbox's root account.
   */
  public static List<ChainSignaturesClient> clients(Path devnetFile, String account, int n, PrintStream progress) throws Exception {
    JsonNode d = JSON.readTree(devnetFile.toFile());
    String rpcUrl = d.path("rpc_url").asText();
    String contract = d.path("contract_id").asText();
    SecureRandom random = new SecureRandom();
    List<NearKeyFile> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(NearKeyFile.generate(account, random));
    }
    new Devnet(devnetFile.toAbsolutePath().getParent(), progress)
        .createAccount(account, keys.stream().map(NearKeyFile::publicKey).toList(), NEAR.multiply(BigInteger.valueOf(1000)));
    progress.printf("account %s with %d keys (one per concurrent client)%n", account, n);
    List<ChainSignaturesClient> clients = new ArrayList<>();
    for (NearKeyFile k : keys) {
      clients.add(new ChainSignaturesClient(rpcUrl, contract, k));
    }
    return clients;
  }

  /** Waits (up to 3 minutes) until the pools are 90% full, so the run starts warm. */
  private void awaitPool(NetworkSampler sampler, int target) throws InterruptedException {
    long end = System.nanoTime() + 180_000_000_000L;
    int want = (int) Math.ceil(target * 0.9);
    NetworkSample s = sampler.sample();
    progress.printf("waiting for the presignature pools: %d ready, %d wanted%n", s.presignatures(), want);
    while (s.presignatures() < want && System.nanoTime() < end) {
      Thread.sleep(500);
      s = sampler.sample();
    }
    progress.printf("pools: %d presignatures ready%n", s.presignatures());
  }

  private Thread progressTicker(int requests, AtomicInteger done, AtomicInteger failed, NetworkSampler sampler, long start) {
    Thread t = new Thread(() -> {
      int last = 0;
      while (true) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        int now = done.get();
        progress.printf(Locale.ROOT, "  %5.1f s  %d/%d done, %d failed, %d/s, %d presignatures ready%n",
            (System.nanoTime() - start) / 1e9, now, requests, failed.get(), now - last,
            sampler.last().map(NetworkSample::presignatures).orElse(0));
        last = now;
      }
    }, "bench-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Map<Long, Double> cpu(List<Long> nodePids, long sandboxPid) {
    Map<Long, Double> out = new LinkedHashMap<>();
    nodePids.forEach(p -> out.put(p, ProcessCpu.seconds(p)));
    out.put(sandboxPid, ProcessCpu.seconds(sandboxPid));
    return out;
  }

  private static ObjectNode report(JsonNode d, int requests, int concurrency, long start, List<SignOutcome> outcomes,
      NetworkSample before, NetworkSample after, List<NetworkSample> samples) {
    ObjectNode r = JSON.createObjectNode();
    r.put("nodes", d.path("nodes").size()).put("threshold", d.path("threshold").asInt())
        .put("requests", requests).put("concurrency", concurrency);
    List<Double> e2e = new ArrayList<>();
    Map<String, Integer> errors = new LinkedHashMap<>();
    long last = start;
    for (SignOutcome o : outcomes) {
      last = Math.max(last, o.endNanos());
      if (o.ok()) {
        e2e.add(o.latencyMs());
      } else {
        errors.merge(o.error(), 1, Integer::sum);
      }
    }
    double seconds = (last - start) / 1e9;
    r.put("ok", e2e.size()).put("failed", requests - e2e.size()).put("seconds", round(seconds))
        .put("throughput_per_s", round(e2e.size() / Math.max(seconds, 1e-9)));
    r.set("network_latency_ms", summary(LatencySummary.of(new BucketQuantiles(before.networkLatency(), after.networkLatency()))));
    r.set("end_to_end_latency_ms", summary(LatencySummary.of(e2e)));
    ObjectNode pool = r.putObject("presignatures_ready");
    pool.put("start", before.presignatures()).put("end", after.presignatures())
        .put("min", samples.stream().mapToInt(NetworkSample::presignatures).min().orElse(before.presignatures()));
    ArrayNode series = pool.putArray("samples");
    for (NetworkSample s : samples) {
      series.addObject().put("t_s", round((s.atNanos() - start) / 1e9)).put("ready", s.presignatures());
    }
    ObjectNode errs = r.putObject("errors");
    errors.forEach(errs::put);
    return r;
  }

  private static ObjectNode summary(LatencySummary s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("count", s.count()).put("p50", round(s.p50())).put("p95", round(s.p95())).put("p99", round(s.p99()));
    if (!Double.isNaN(s.max())) {
      o.put("max", round(s.max()));
    }
    return o;
  }

  private static String plot(ObjectNode report, long start, List<SignOutcome> outcomes, List<NetworkSample> samples) {
    List<SvgPlot.Point> e2e = new ArrayList<>();
    double seconds = report.path("seconds").asDouble();
    int[] perSecond = new int[(int) Math.ceil(seconds) + 1];
    for (SignOutcome o : outcomes) {
      double t = (o.endNanos() - start) / 1e9;
      if (o.ok()) {
        e2e.add(new SvgPlot.Point(t, o.latencyMs()));
        perSecond[Math.min(perSecond.length - 1, (int) t)]++;
      }
    }
    List<SvgPlot.Point> rate = new ArrayList<>();
    for (int i = 0; i < perSecond.length; i++) {
      rate.add(new SvgPlot.Point(i + 0.5, perSecond[i]));
    }
    List<SvgPlot.Point> pool = new ArrayList<>();
    List<SvgPlot.Point> p50 = new ArrayList<>();
    List<SvgPlot.Point> p99 = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < samples.size(); i++) {
      NetworkSample s = samples.get(i);
      double t = (s.atNanos() - start) / 1e9;
      pool.add(new SvgPlot.Point(t, s.presignatures()));
      while (from < i && s.atNanos() - samples.get(from).atNanos() > 1_000_000_000L) {
        from++;
      }
      if (from < i) {
        BucketQuantiles q = new BucketQuantiles(samples.get(from).networkLatency(), s.networkLatency());
        if (q.count() > 0) {
          p50.add(new SvgPlot.Point(t, q.quantile(0.5) * 1000));
          p99.add(new SvgPlot.Point(t, q.quantile(0.99) * 1000));
        }
      }
    }
    String title = String.format(Locale.ROOT, "chainsig bench: %d nodes, %d requests, concurrency %d — %.0f signatures/s",
        report.path("nodes").asInt(), report.path("requests").asInt(), report.path("concurrency").asInt(),
        report.path("throughput_per_s").asDouble());
    return SvgPlot.render(title, seconds, e2e, p50, p99, pool, rate);
  }

  private static ObjectNode machine() {
    ObjectNode m = JSON.createObjectNode();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    try {
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
          .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
    } catch (IOException e) {
      // not Linux
    }
    m.put("java", System.getProperty("java.vm.vendor") + " " + Runtime.version());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
  }

  /** The report for people. */
  public static String text(JsonNode r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "chainsig bench: %d nodes (threshold %d), %d requests, concurrency %d%n",
        r.path("nodes").asInt(), r.path("threshold").asInt(), r.path("requests").asInt(), r.path("concurrency").asInt()));
    b.append(String.format(Locale.ROOT, "throughput        %.1f signatures/s (%d ok, %d failed in %.2f s)%n",
        r.path("throughput_per_s").asDouble(), r.path("ok").asInt(), r.path("failed").asInt(), r.path("seconds").asDouble()));
    b.append(String.format(Locale.ROOT, "network latency   %s   (request seen -> signature ready, at the leader)%n",
        latency(r.path("network_latency_ms"))));
    b.append(String.format(Locale.ROOT, "end to end        %s   (sign transaction sent -> verified signature back)%n",
        latency(r.path("end_to_end_latency_ms"))));
    JsonNode p = r.path("presignatures_ready");
    b.append(String.format(Locale.ROOT, "presignatures     %d ready at start, %d at least, %d at the end (all nodes)%n",
        p.path("start").asInt(), p.path("min").asInt(), p.path("end").asInt()));
    JsonNode c = r.path("cpu_ms_per_signature");
    b.append(String.format(Locale.ROOT, "CPU / signature   %.2f ms in the nodes, %.2f ms in the sandbox, %.2f ms in this client%n",
        c.path("nodes").asDouble(), c.path("sandbox").asDouble(), c.path("client").asDouble()));
    r.path("errors").fields().forEachRemaining(e ->
        b.append(String.format(Locale.ROOT, "error x%d         %s%n", e.getValue().asInt(), e.getKey())));
    JsonNode m = r.path("machine");
    b.append(String.format(Locale.ROOT, "machine           %d CPUs, %s, %s%n", m.path("cpus").asInt(), m.path("cpu").asText("?"),
        m.path("java").asText()));
    b.append("plot              ").append(r.path("plot").asText()).append('\n');
    return b.toString();
  }

  private static String latency(JsonNode l) {
    String s = String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s", LatencySummary.ms(l.path("p50").asDouble(Double.NaN)),
        LatencySummary.ms(l.path("p95").asDouble(Double.NaN)), LatencySummary.ms(l.path("p99").asDouble(Double.NaN)));
    return l.has("max") ? s + "  max " + LatencySummary.ms(l.path("max").asDouble()) : s;
  }
}
