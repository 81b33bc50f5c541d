package io.chainsig.node.mesh;

import java.time.Duration;

/**
 * Exponential re-dial delays: {@code initial * 2^attempt}, capped at {@code max}, with up to 20%
 * jitter supplied by the caller (so that tests can fix it).
 *
 * @param initial the first delay
 * @param max the longest delay
 */
public record Backoff(Duration initial, Duration max) {
  /** Defaults for loopback and LAN meshes: 100 ms doubling to 5 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  /** Validates. */
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
  }

  /** The delay before attempt number {@code attempt} (0-based), with {@code jitter} in [0, 1). */
  public Duration delay(int attempt, double jitter) {
    long base = initial.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, max.toMillis());
    return Duration.ofMillis(capped + (long) (capped * 0.2 * jitter));
  }
}
