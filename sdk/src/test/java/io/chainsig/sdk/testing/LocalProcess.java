package io.chainsig.sdk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node process a test starts on 127.0.0.1: output to a log file in its temp dir, stopped (and
 * killed if need be) by {@link #close()}. Also finds the binaries, failing with a clear message when
 * one is missing.
 */
final class LocalProcess implements AutoCloseable {
  private static final String INSTALL_HINT = "; install the test dependencies with scripts/install-test-deps.sh";

  private final Process process;
  private final Path log;

  private LocalProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static LocalProcess start(List<String> command, Path log) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new LocalProcess(p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /**
   * Starts a node, trying again on fresh ports when it does not come up: a port found free can be
   * taken by another process before the node binds it.
   */
  static <T> T startWithRetries(java.util.function.Supplier<T> startOnce) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce.get();
      } catch (NodeDidNotStartException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** A node process that died or did not answer in time. */
  static final class NodeDidNotStartException extends IllegalStateException {
    NodeDidNotStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An executable file, or an error telling how to install it. */
  static Path requireBinary(Path path, String what) {
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new IllegalStateException(what + " is missing: no executable at " + path.toAbsolutePath() + INSTALL_HINT);
    }
    return path;
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls {@code probe} until it succeeds, retrying the SDK's RPC errors (unreachable, warming up,
   * half-started servers) while the process lives, for up to {@code seconds}; a dead process or the
   * time running out fails with the log's tail.
   */
  void awaitReady(String what, int seconds, Runnable probe) {
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(seconds);
    while (true) {
      try {
        probe.run();
        return;
      } catch (RuntimeException e) {
        if (!(e instanceof io.chainsig.sdk.ChainsigSdkException) || !process.isAlive() || java.time.Instant.now().isAfter(deadline)) {
          throw new NodeDidNotStartException(what + " did not start:\n" + logTail(), e);
        }
        Sleep.millis(100);
      }
    }
  }

  /** The last lines of the log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Waits a little for a graceful exit, then kills. */
  void stop(long graceMillis) {
    try {
      if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(0);
  }
}
