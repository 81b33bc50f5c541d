package io.chainsig.benchmarks.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.keygen.KeyShare;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per-participant cost of keygen, presign and sign measured as thread CPU time, which other
 * processes on a shared machine disturb far less than the wall-clock time JMH reports. Runs every
 * protocol {@code warmup + runs} times per N (sign at least 300 + runs) (all parties in this one thread) and prints the median
 * and the minimum of CPU time / N as a Markdown table.
 *
 * <p>Usage: {@code CpuTimeReport [warmup] [runs]} (defaults 30 and 30).
 */
public final class CpuTimeReport {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Warm-up runs of sign at least, whatever the argument says. */
  private static final int SIGN_WARMUP = 300;

  private CpuTimeReport() {}

  /** Prints the table. */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    System.out.println(
        "| N | t | keygen ms/party (median, min) | presign ms/party (median, min) | sign us/party (median, min) |");
    System.out.println("|---|---|---|---|---|");
    for (int n : new int[] {3, 5, 7, 13}) {
      int m = n;
      double[] keygen = measure(warmup, runs, () -> ThresholdRuns.keygen(m));
      Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares =
          ThresholdRuns.keygen(n).outputs();
      double[] presign = measure(warmup, runs, () -> ThresholdRuns.presign(shares));
      // Sign is short: warm it up longer so the JIT has compiled it before measuring.
      int signWarmup = Math.max(warmup, SIGN_WARMUP);
      List<Map<ParticipantId, Presignature>> pool = new ArrayList<>();
      for (int i = 0; i < signWarmup + runs; i++) {
        pool.add(ThresholdRuns.presign(shares).outputs());
      }
      var it = pool.iterator();
      double[] sign = measure(signWarmup, runs, () -> ThresholdRuns.sign(it.next()));
      System.out.printf(
          "| %d | %d | %.2f, %.2f | %.2f, %.2f | %.0f, %.0f |%n",
          n, (n - 1) / 2,
          keygen[0] / n / 1e6, keygen[1] / n / 1e6,
          presign[0] / n / 1e6, presign[1] / n / 1e6,
          sign[0] / n / 1e3, sign[1] / n / 1e3);
    }
  }

  /** Median and minimum CPU nanoseconds of one call. */
  private static double[] measure(int warmup, int runs, Runnable body) {
    for (int i = 0; i < warmup; i++) {
      body.run();
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      body.run();
      times[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(times);
    return new double[] {times[runs / 2], times[0]};
  }
}
