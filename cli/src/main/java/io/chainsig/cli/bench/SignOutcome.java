package io.chainsig.cli.bench;

/**
 * One benchmark request as the client saw it: when its {@code sign} transaction was sent, when
 * the verified signature (or the error) came back.
 *
 * @param index the request's number in the run
 * @param startNanos {@link System#nanoTime()} when it was sent
 * @param endNanos {@link System#nanoTime()} when it was answered
 * @param error null if a signature came back and verified, otherwise what went wrong
 */
public record SignOutcome(int index, long startNanos, long endNanos, String error) {
  /** Validates the times. */
  public SignOutcome {
    if (index < 0 || endNanos < startNanos) {
      throw new IllegalArgumentException("a sign outcome needs index >= 0 and end >= start");
    }
  }

  /** True if the signature came back and verified. */
  public boolean ok() {
    return error == null;
  }

  /** End-to-end latency in milliseconds. */
  public double latencyMs() {
    return (endNanos - startNanos) / 1e6;
  }
}
