package io.chainsig.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a benchmark run as SVG, three panels sharing the time axis: latency (each request's
 * end-to-end time as a dot, the network's p50 and p99 per window as lines), presignatures ready,
 * and signatures completed per second.
 */
public final class SvgPlot {
  /** A point of a series: seconds since the start, value. */
  public record Point(double t, double v) {}

  private static final int WIDTH = 960;
  private static final int PANEL = 200;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int GAP = 50;

  private final StringBuilder svg = new StringBuilder();
  private final double seconds;

  private SvgPlot(double seconds) {
    this.seconds = Math.max(seconds, 1e-3);
  }

  /**
   * The SVG document.
   *
   * @param title the heading
   * @param seconds length of the time axis
   * @param endToEnd each request's end-to-end latency (ms) at its end time
   * @param networkP50 the network's median latency (ms) per window
   * @param networkP99 the network's 99th percentile (ms) per window
   * @param pool presignatures ready over time
   * @param throughput signatures completed per second
   */
  public static String render(String title, double seconds, List<Point> endToEnd, List<Point> networkP50,
      List<Point> networkP99, List<Point> pool, List<Point> throughput) {
    SvgPlot p = new SvgPlot(seconds);
    int height = TOP + 3 * PANEL + 2 * GAP + 40;
    p.svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, height));
    p.svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
    p.text(LEFT, 22, escape(title), 15, "start");
    List<Point> latencyAll = new ArrayList<>(endToEnd);
    latencyAll.addAll(networkP99);
    int y0 = TOP;
    double latencyP99 = LatencySummary.of(latencyAll.stream().map(Point::v).filter(v -> !Double.isNaN(v)).toList()).p99();
    double latencyMax = p.axes(y0, "latency (ms)", niceMax((Double.isNaN(latencyP99) ? 1 : latencyP99) * 1.15));
    p.dots(y0, endToEnd, latencyMax, "#9ecae1");
    p.line(y0, networkP99, latencyMax, "#d62728");
    p.line(y0, networkP50, latencyMax, "#2ca02c");
    p.legend(y0, new String[] {"end to end (each request)", "network p50", "network p99"},
        new String[] {"#9ecae1", "#2ca02c", "#d62728"});
    int y1 = TOP + PANEL + GAP;
    double poolMax = p.axes(y1, "presignatures ready", niceMax(max(pool)));
    p.line(y1, pool, poolMax, "#1f77b4");
    int y2 = TOP + 2 * (PANEL + GAP);
    double rateMax = p.axes(y2, "signatures / s", niceMax(max(throughput)));
    p.line(y2, throughput, rateMax, "#ff7f0e");
    p.text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, y2 + PANEL + 35, "time since start (s)", 12, "middle");
    p.svg.append("</svg>\n");
    return p.svg.toString();
  }

  private double axes(int y, String label, double yMax) {
    int w = WIDTH - LEFT - RIGHT;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, y, w, PANEL));
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double py = y + PANEL - PANEL * i / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
          LEFT, py, LEFT + w, py));
      text(LEFT - 6, py + 4, format(v), 11, "end");
    }
    for (int i = 0; i <= 5; i++) {
      double t = seconds * i / 5;
      text(LEFT + w * i / 5.0, y + PANEL + 15, format(t), 11, "middle");
    }
    text(LEFT, y - 6, label, 12, "start");
    return yMax;
  }

  private double x(double t) {
    return LEFT + (WIDTH - LEFT - RIGHT) * Math.min(t, seconds) / seconds;
  }

  private static double y(int top, double v, double max) {
    return top + PANEL - PANEL * Math.min(v, max) / max;
  }

  private void dots(int top, List<Point> pts, double max, String color) {
    for (Point p : pts) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\"/>%n",
          x(p.t()), y(top, p.v(), max), color));
    }
  }

  private void line(int top, List<Point> pts, double max, String color) {
    StringBuilder d = new StringBuilder();
    for (Point p : pts) {
      if (Double.isNaN(p.v())) {
        continue;
      }
      d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(p.t()), y(top, p.v(), max)));
    }
    if (!d.isEmpty()) {
      svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"/>%n", d, color));
    }
  }

  private void legend(int top, String[] names, String[] colors) {
    double x = WIDTH - RIGHT - 200;
    for (int i = 0; i < names.length; i++) {
      double y = top + 14 + 16 * i;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", x, y - 9, colors[i]));
      text(x + 15, y, names[i], 11, "start");
    }
  }

  private void text(double x, double y, String s, int size, String anchor) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
        x, y, size, anchor, s));
  }

  private static String format(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static double max(List<Point> pts) {
    return pts.stream().mapToDouble(Point::v).filter(v -> !Double.isNaN(v)).max().orElse(1);
  }

  /** A round number at or above {@code v} (1, 2 or 5 times a power of ten). */
  static double niceMax(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
