package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.cli.bench.Bench;
import io.chainsig.cli.devnet.Devnet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chainsig bench}: load a devnet with sign requests and report how fast it signs. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Start a devnet (or use a running one with --devnet), send sign requests from",
      "many clients at once, and report throughput, network and end-to-end latency",
      "percentiles, presignature pool levels and CPU per signature; write a plot (SVG)",
      "of latency and pool level over time. Progress goes to stderr."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--devnet", paramLabel = "FILE", description = "Use this running devnet (its devnet.json) instead of starting one.")
  Path devnet;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Where to start the devnet (default: a new temporary directory, removed afterwards).")
  Path home;

  @Option(names = "--keep", description = "Leave a devnet this command started running.")
  boolean keep;

  @Option(names = "--nodes", defaultValue = "5", paramLabel = "N", description = "MPC nodes of a started devnet (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--threshold", paramLabel = "T", description = "Threshold of a started devnet (default as for devnet up).")
  Integer threshold;

  @Option(names = "--block-time-ms", defaultValue = "100", paramLabel = "MS", description = "Block time of a started devnet (default ${DEFAULT-VALUE}).")
  long blockTimeMs;

  @Option(names = "--pool", defaultValue = "32", paramLabel = "N",
      description = "Presignatures each node of a started devnet keeps ready (default ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--requests", defaultValue = "1000", paramLabel = "N", description = "Sign requests to measure (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--concurrency", defaultValue = "32", paramLabel = "C", description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--warmup", defaultValue = "50", paramLabel = "N", description = "Uncounted requests first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--plot", defaultValue = "bench.svg", paramLabel = "FILE", description = "Where the plot goes (default ${DEFAULT-VALUE}).")
  Path plot;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || requests > 1_000_000) {
      throw new CliException("--requests must be 1..1000000");
    }
    if (concurrency < 1 || concurrency > 200) {
      throw new CliException("--concurrency must be 1..200");
    }
    if (warmup < 0) {
      throw new CliException("--warmup must be >= 0");
    }
    // The load generator verifies every answer: the same JIT policy as the devnet processes.
    CryptoOnlyC2.apply();
    Devnet started = null;
    Path file = devnet;
    boolean temporary = false;
    if (file == null) {
      if (home == null) {
        home = Files.createTempDirectory("chainsig-bench");
        temporary = !keep;
      }
      started = new Devnet(home, System.err).presignaturePoolTarget(pool);
      int t = threshold != null ? threshold : (nodes - 1) / 3 + 1;
      started.up(nodes, t, 0, blockTimeMs, java.util.List.of());
      file = started.file();
    } else if (!Files.isRegularFile(file)) {
      throw new CliException("no devnet file " + file + " (start one with: chainsig devnet up)");
    }
    try {
      ObjectNode report = new Bench(file, System.err).run(requests, concurrency, warmup, plot);
      System.out.print(json ? new ObjectMapper().writeValueAsString(report) + "\n" : Bench.text(report));
      return report.path("failed").asInt() == 0 ? 0 : 1;
    } finally {
      if (started != null && keep) {
        System.err.println("the devnet keeps running: chainsig devnet down --home " + home);
      }
      if (started != null && !keep) {
        started.down();
        if (temporary) {
          deleteTree(home);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
