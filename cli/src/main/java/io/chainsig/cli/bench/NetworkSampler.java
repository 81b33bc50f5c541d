package io.chainsig.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads every node's {@code /metrics} on its own thread at a fixed period: presignature pool
 * levels and the network-latency histogram ({@code chainsig_sign_network_seconds}).
 */
public final class NetworkSampler implements AutoCloseable {
  /** The node's network-latency timer as Prometheus names it. */
  static final String LATENCY = "chainsig_sign_network_seconds";
  static final String POOL = "chainsig_presignatures_available";

  private final List<URI> metricsUrls;
  private final long periodMs;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final List<NetworkSample> samples = new ArrayList<>();
  private Thread thread;

  /** Reads {@code metricsUrls} every {@code periodMs}. */
  public NetworkSampler(List<URI> metricsUrls, long periodMs) {
    this.metricsUrls = List.copyOf(metricsUrls);
    this.periodMs = periodMs;
  }

  /** One reading now. */
  public NetworkSample sample() {
    int pool = 0;
    int answered = 0;
    TreeMap<Double, Double> latency = new TreeMap<>();
    for (URI url : metricsUrls) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          continue;
        }
        Map<String, Double> m = PrometheusText.parse(r.body());
        pool += (int) PrometheusText.value(m, POOL);
        PrometheusText.buckets(m, LATENCY).forEach((le, c) -> latency.merge(le, c, Double::sum));
        answered++;
      } catch (java.io.IOException e) {
        // a node that is down or busy: left out of this reading
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new NetworkSample(System.nanoTime(), pool, answered, latency);
  }

  /** Starts reading in the background. */
  public NetworkSampler start() {
    thread = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        NetworkSample s = sample();
        synchronized (samples) {
          samples.add(s);
        }
        try {
          Thread.sleep(periodMs);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-sampler");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** The readings so far. */
  public List<NetworkSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The last reading, if any. */
  public java.util.Optional<NetworkSample> last() {
    synchronized (samples) {
      return samples.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(samples.get(samples.size() - 1));
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
