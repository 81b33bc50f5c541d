package io.chainsig.cli.bench;

import java.util.List;

/**
 * Percentiles of a latency distribution in milliseconds (NaN when there were no observations).
 *
 * @param count observations
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max largest (NaN when only buckets are known)
 */
public record LatencySummary(long count, double p50, double p95, double p99, double max) {
  /** Validates the count. */
  public LatencySummary {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }

  /** Exact percentiles (nearest rank) of measured values. */
  public static LatencySummary of(List<Double> valuesMs) {
    double[] v = valuesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(v.length, rank(v, 0.50), rank(v, 0.95), rank(v, 0.99), v[v.length - 1]);
  }

  /** Percentiles from histogram buckets (in seconds), reported in milliseconds. */
  public static LatencySummary of(BucketQuantiles q) {
    return new LatencySummary(q.count(), q.quantile(0.50) * 1000, q.quantile(0.95) * 1000, q.quantile(0.99) * 1000, Double.NaN);
  }

  private static double rank(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format(v < 100 ? "%.1f ms" : "%.0f ms", v);
  }
}
