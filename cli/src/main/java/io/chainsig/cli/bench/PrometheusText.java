package io.chainsig.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition ({@code /metrics}): series (name with its labels,
 * exactly as written) to value. Comments and malformed lines are skipped.
 */
public final class PrometheusText {
  private PrometheusText() {}

  /** Parses an exposition. */
  public static Map<String, Double> parse(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = line.lastIndexOf('}');
      int space = line.indexOf(' ', Math.max(end, 0));
      if (space < 0) {
        continue;
      }
      try {
        String value = line.substring(space + 1).trim().split(" ")[0];
        out.put(line.substring(0, space), value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return out;
  }

  /** The value of a series without labels, or 0. */
  public static double value(Map<String, Double> samples, String name) {
    return samples.getOrDefault(name, 0.0);
  }

  /**
   * The cumulative buckets of a histogram ({@code name_bucket{le="..."}}), upper bound in the
   * metric's unit to count; {@code +Inf} included.
   */
  public static java.util.TreeMap<Double, Double> buckets(Map<String, Double> samples, String name) {
    java.util.TreeMap<Double, Double> out = new java.util.TreeMap<>();
    String prefix = name + "_bucket{";
    samples.forEach((series, v) -> {
      if (series.startsWith(prefix)) {
        int i = series.indexOf("le=\"");
        if (i >= 0) {
          String le = series.substring(i + 4, series.indexOf('"', i + 4));
          out.merge(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), v, Double::sum);
        }
      }
    });
    return out;
  }
}
