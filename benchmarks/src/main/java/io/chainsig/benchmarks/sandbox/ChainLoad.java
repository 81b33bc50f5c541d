package io.chainsig.benchmarks.sandbox;

import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.state.ExecutionStatus;
import io.chainsig.sandbox.store.TextKeyStore;
import io.chainsig.storage.RocksDbStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one in-process {@link Chain} the way the signing benchmark drives the sandbox, without
 * HTTP: {@code clients} threads each submit a sign transaction and wait for its outcome ({@code
 * send_tx}); {@code nodes} threads submit the respond of each request once its sign is in; as many
 * viewer threads read {@code pending_requests} (and {@code state} once a second) {@code
 * viewsPerSecond} times a second each; a producer seals a block every {@code blockMs}. All
 * transactions are signed before a round starts. Optionally {@code burn} threads spin on the same
 * cores (other processes of a devnet), their CPU time left out of the totals.
 *
 * <p>Prints, per measured round: sign+respond pairs per second of wall time, the longest wait of a
 * sign for its outcome, and CPU time per pair
 * of the whole process (burners excluded: it includes JIT and GC) and of the chain's callers alone,
 * split by role. Usage: {@code ChainLoad [name=value ...]} with names {@code clients} (48), {@code
 * nodes} (5), {@code perClient} (50 requests per client and round), {@code rounds} (5, the first
 * of them warm-up), {@code rate} (total sign requests per second, 0 = as fast as possible), {@code
 * viewsPerSecond} (12), {@code blockMs} (100), {@code burn} (0), {@code store} ({@code rocksdb} or
 * {@code memory}).
 */
public final class ChainLoad {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final byte[] NO_ARGS = "{}".getBytes(StandardCharsets.UTF_8);

  private ChainLoad() {}

  /** The harness's settings. */
  record Settings(int clients, int nodes, int perClient, int rounds, double rate, double viewsPerSecond,
      long blockMs, int burn, boolean rocksDb) {
    Settings {
      if (clients < 1 || nodes < 2 || perClient < 1 || rounds < 2 || rate < 0 || viewsPerSecond <= 0
          || blockMs < 1 || burn < 0) {
        throw new IllegalArgumentException("need clients >= 1, nodes >= 2, perClient >= 1, rounds >= 2,"
            + " rate >= 0, viewsPerSecond > 0, blockMs >= 1, burn >= 0");
      }
    }

    static Settings parse(String[] args) {
      java.util.Map<String, String> m = new java.util.HashMap<>();
      for (String a : args) {
        int eq = a.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("arguments are name=value, got " + a);
        }
        m.put(a.substring(0, eq), a.substring(eq + 1));
      }
      Settings s = new Settings(Integer.parseInt(m.getOrDefault("clients", "48")),
          Integer.parseInt(m.getOrDefault("nodes", "5")), Integer.parseInt(m.getOrDefault("perClient", "50")),
          Integer.parseInt(m.getOrDefault("rounds", "5")), Double.parseDouble(m.getOrDefault("rate", "0")),
          Double.parseDouble(m.getOrDefault("viewsPerSecond", "12")), Long.parseLong(m.getOrDefault("blockMs", "100")),
          Integer.parseInt(m.getOrDefault("burn", "0")), !"memory".equals(m.getOrDefault("store", "rocksdb")));
      m.keySet().removeAll(List.of("clients", "nodes", "perClient", "rounds", "rate", "viewsPerSecond", "blockMs",
          "burn", "store"));
      if (!m.isEmpty()) {
        throw new IllegalArgumentException("unknown settings " + m.keySet());
      }
      return s;
    }
  }

  /** CPU nanoseconds by role, summed over the role's threads. */
  private enum Role { CLIENT, NODE, VIEWER, PRODUCER, BURNER }

  /** Runs the rounds and prints one line per measured round. */
  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    Path dir = Files.createTempDirectory("chain-load");
    TextKeyStore store = s.rocksDb()
        ? new TextKeyStore(RocksDbStore.open(dir.resolve("data"))) : TextKeyStore.inMemory();
    try {
      SignerWorkload w = SignerWorkload.setUp(new ChainFixture(store), s.clients(), s.nodes());
      Chain chain = w.chain();
      System.out.println(s);
      System.out.println("| round | pairs | pairs/s | slowest sign ms | process CPU us/pair | callers CPU us/pair | client | node | viewer | producer |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      for (int round = 0; round < s.rounds(); round++) {
        SignerWorkload.Round r = w.nextRound(s.perClient());
        runRound(chain, s, r, round == 0 ? "warm-up" : String.valueOf(round));
      }
    } finally {
      store.close();
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void runRound(Chain chain, Settings s, SignerWorkload.Round round, String label)
      throws InterruptedException {
    int total = round.signs().size();
    List<CompletableFuture<Void>> submitted = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      submitted.add(new CompletableFuture<>());
    }
    LongAdder[] cpu = new LongAdder[Role.values().length];
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] = new LongAdder();
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong slowestNanos = new AtomicLong();
    AtomicInteger finishedClients = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime() + 50_000_000L; // every thread is up before the first request
    for (int c = 0; c < s.clients(); c++) {
      int client = c;
      threads.add(worker("client-" + c, Role.CLIENT, cpu, () -> {
        for (int r = client; r < total; r += s.clients()) {
          if (s.rate() > 0) {
            parkUntil(start + (long) (r * 1e9 / s.rate()));
          }
          SignedTransaction stx = round.signs().get(r);
          long sent = System.nanoTime();
          chain.submit(stx);
          submitted.get(r).complete(null);
          Optional<TxRecord> out = awaitQuietly(chain, stx.hashBase58());
          slowestNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
          if (out.isEmpty() || !(out.get().status() instanceof ExecutionStatus.SuccessValue)) {
            failed.incrementAndGet();
          }
        }
        if (finishedClients.incrementAndGet() == s.clients()) {
          done.set(true);
        }
      }));
    }
    for (int n = 0; n < s.nodes(); n++) {
      int node = n;
      threads.add(worker("node-" + n, Role.NODE, cpu, () -> {
        for (int r = node; r < total; r += s.nodes()) {
          submitted.get(r).join();
          chain.submit(round.responds().get(r));
        }
      }));
      threads.add(worker("viewer-" + n, Role.VIEWER, cpu, () -> {
        long period = (long) (1e9 / s.viewsPerSecond());
        long next = start;
        long nextState = start;
        while (!done.get()) {
          parkUntil(next);
          next += period;
          chain.view(SignerWorkload.SIGNER, "pending_requests", NO_ARGS);
          if (System.nanoTime() >= nextState) {
            chain.view(SignerWorkload.SIGNER, "state", NO_ARGS);
            nextState += 1_000_000_000L;
          }
        }
      }));
    }
    threads.add(worker("producer", Role.PRODUCER, cpu, () -> {
      long next = start;
      while (!done.get()) {
        next += s.blockMs() * 1_000_000L;
        parkUntil(next);
        chain.produceBlock(System.currentTimeMillis() * 1_000_000L);
      }
    }));
    for (int b = 0; b < s.burn(); b++) {
      threads.add(worker("burner-" + b, Role.BURNER, cpu, () -> {
        long x = 0;
        while (!done.get()) {
          for (int i = 0; i < 100_000; i++) {
            x += i * x ^ (x >>> 7);
          }
        }
        if (x == 42) {
          System.out.print("");
        }
      }));
    }
    parkUntil(start - 40_000_000L);
    long processCpu0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    long wall = System.nanoTime() - Math.max(wall0, start);
    long processCpu = OS.getProcessCpuTime() - processCpu0 - cpu[Role.BURNER.ordinal()].sum();
    long callers = 0;
    for (Role role : List.of(Role.CLIENT, Role.NODE, Role.VIEWER, Role.PRODUCER)) {
      callers += cpu[role.ordinal()].sum();
    }
    System.out.printf("| %s | %d%s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", label, total,
        failed.get() == 0 ? "" : " (" + failed.get() + " failed)", total / (wall / 1e9), slowestNanos.get() / 1e6,
        processCpu / 1e3 / total, callers / 1e3 / total,
        cpu[Role.CLIENT.ordinal()].sum() / 1e3 / total, cpu[Role.NODE.ordinal()].sum() / 1e3 / total,
        cpu[Role.VIEWER.ordinal()].sum() / 1e3 / total, cpu[Role.PRODUCER.ordinal()].sum() / 1e3 / total);
  }

  private static Optional<TxRecord> awaitQuietly(Chain chain, String hash) {
    try {
      return chain.await(hash, TxRecord::finished, 10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Thread worker(String name, Role role, LongAdder[] cpu, Runnable body) {
    Thread t = new Thread(() -> {
      long t0 = THREADS.getCurrentThreadCpuTime();
      try {
        body.run();
      } finally {
        cpu[role.ordinal()].add(THREADS.getCurrentThreadCpuTime() - t0);
      }
    }, "load-" + name);
    t.setDaemon(true);
    return t;
  }

  private static void parkUntil(long nanoTime) {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
