package io.chainsig.cli;

import picocli.CommandLine;

/** Entry point of the {@code chainsig} command; the {@code ./chainsig} launcher runs this class. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    // The NEAR RPC client keeps idle connections in the JDK's per-host cache (BlockingHttpPost):
    // a bench client has dozens of calls open at once, and the JDK keeps only 5 by default, so
    // every other call would open a new connection.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "128");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (0 ok, 1 failed, 2 bad usage). */
  public static int run(String... args) {
    return ChainsigCommand.commandLine().execute(args);
  }
}
