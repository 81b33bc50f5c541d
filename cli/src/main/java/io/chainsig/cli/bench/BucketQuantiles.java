package io.chainsig.cli.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Quantiles of the observations that fell between two readings of a cumulative histogram, by
 * linear interpolation inside the bucket the rank falls in (what Prometheus' {@code
 * histogram_quantile} does). The answer is as fine as the buckets: the node's network-latency
 * timer has 1 ms buckets up to 30 ms.
 */
public final class BucketQuantiles {
  private final TreeMap<Double, Double> counts;
  private final double total;

  /** The observations between {@code before} and {@code after} (cumulative buckets, same bounds). */
  public BucketQuantiles(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
    counts = new TreeMap<>();
    after.forEach((le, c) -> counts.put(le, c - before.getOrDefault(le, 0.0)));
    total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
  }

  /** How many observations. */
  public long count() {
    return Math.round(total);
  }

  /** The q-quantile (0 < q < 1) in the histogram's unit, or NaN without observations. */
  public double quantile(double q) {
    if (q <= 0 || q >= 1) {
      throw new IllegalArgumentException("q must be in (0, 1)");
    }
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double lower = 0;
    double below = 0;
    for (Map.Entry<Double, Double> e : counts.entrySet()) {
      if (e.getValue() >= rank) {
        if (e.getKey().isInfinite()) {
          return lower; // beyond the largest finite bound: that bound is all we know
        }
        double inBucket = e.getValue() - below;
        return inBucket <= 0 ? e.getKey() : lower + (e.getKey() - lower) * (rank - below) / inBucket;
      }
      lower = e.getKey();
      below = e.getValue();
    }
    return lower;
  }
}
