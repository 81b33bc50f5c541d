package io.chainsig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The statistics behind {@code chainsig bench}: Prometheus text, bucket quantiles, exact percentiles. */
class BenchStatisticsTest {
  private static final String METRICS = """
      # HELP chainsig_presignatures_available
      # TYPE chainsig_presignatures_available gauge
      chainsig_presignatures_available 7.0
      # TYPE chainsig_sign_network_seconds histogram
      chainsig_sign_network_seconds_bucket{le="0.001"} 0
      chainsig_sign_network_seconds_bucket{le="0.002"} 4
      chainsig_sign_network_seconds_bucket{le="0.004"} 10
      chainsig_sign_network_seconds_bucket{le="+Inf"} 10
      chainsig_sign_network_seconds_count 10
      chainsig_sign_network_seconds_sum 0.025
      garbage line without a value
      """;

  @Test
  void parsesGaugesAndHistogramBuckets() {
    Map<String, Double> m = PrometheusText.parse(METRICS);
    assertThat(PrometheusText.value(m, "chainsig_presignatures_available")).isEqualTo(7.0);
    assertThat(PrometheusText.value(m, "not_there")).isZero();
    TreeMap<Double, Double> b = PrometheusText.buckets(m, "chainsig_sign_network_seconds");
    assertThat(b).containsEntry(0.002, 4.0).containsEntry(0.004, 10.0).containsEntry(Double.POSITIVE_INFINITY, 10.0);
  }

  @Test
  void quantilesInterpolateInsideTheBucketOfTheRank() {
    TreeMap<Double, Double> after = PrometheusText.buckets(PrometheusText.parse(METRICS), "chainsig_sign_network_seconds");
    BucketQuantiles q = new BucketQuantiles(new TreeMap<>(), after);
    assertThat(q.count()).isEqualTo(10);
    // rank 5 of 10: 4 below 0.002, the bucket (0.002, 0.004] holds 6 -> 0.002 + 0.002 * 1/6
    assertThat(q.quantile(0.5)).isCloseTo(0.002 + 0.002 / 6, within(1e-12));
    assertThat(q.quantile(0.2)).isCloseTo(0.001 + 0.001 * 2 / 4, within(1e-12));
  }

  @Test
  void quantilesCountOnlyWhatHappenedBetweenTwoReadings() {
    TreeMap<Double, Double> before = new TreeMap<>(Map.of(0.01, 100.0, 0.02, 100.0, Double.POSITIVE_INFINITY, 100.0));
    TreeMap<Double, Double> after = new TreeMap<>(Map.of(0.01, 100.0, 0.02, 110.0, Double.POSITIVE_INFINITY, 110.0));
    BucketQuantiles q = new BucketQuantiles(before, after);
    assertThat(q.count()).isEqualTo(10);
    assertThat(q.quantile(0.5)).as("all ten new ones are in (10 ms, 20 ms]").isBetween(0.01, 0.02);
    assertThat(new BucketQuantiles(after, after).quantile(0.5)).isNaN();
  }

  @Test
  void exactPercentilesUseTheNearestRank() {
    List<Double> v = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      v.add((double) i);
    }
    LatencySummary s = LatencySummary.of(v);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50()).isEqualTo(50.0);
    assertThat(s.p95()).isEqualTo(95.0);
    assertThat(s.p99()).isEqualTo(99.0);
    assertThat(s.max()).isEqualTo(100.0);
    assertThat(LatencySummary.of(List.of()).p50()).isNaN();
  }

  @Test
  void axisMaximaAreRoundNumbersAtOrAboveTheData() {
    assertThat(SvgPlot.niceMax(0.7)).isEqualTo(1.0);
    assertThat(SvgPlot.niceMax(13)).isEqualTo(20.0);
    assertThat(SvgPlot.niceMax(200)).isEqualTo(200.0);
    assertThat(SvgPlot.niceMax(201)).isEqualTo(500.0);
    assertThat(SvgPlot.niceMax(Double.NaN)).isEqualTo(1.0);
  }
}
