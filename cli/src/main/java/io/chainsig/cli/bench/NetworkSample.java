package io.chainsig.cli.bench;

import java.util.TreeMap;

/**
 * One reading of every node's {@code /metrics} during a benchmark.
 *
 * @param atNanos {@link System#nanoTime()} of the reading
 * @param presignatures presignatures ready, summed over the nodes that answered
 * @param nodesAnswered how many nodes answered
 * @param networkLatency the nodes' network-latency histograms summed (seconds, cumulative)
 */
public record NetworkSample(long atNanos, int presignatures, int nodesAnswered, TreeMap<Double, Double> networkLatency) {
  /** Copies the histogram. */
  public NetworkSample {
    networkLatency = new TreeMap<>(networkLatency);
  }

  @Override
  public TreeMap<Double, Double> networkLatency() {
    return new TreeMap<>(networkLatency);
  }
}
