package io.chainsig.sandbox;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point: {@code SandboxMain --home DIR [--rpc-port 3030] [--block-time-ms 1000]}. The CLI's
 * {@code chainsig sandbox} subcommand calls {@link #run}.
 */
public final class SandboxMain {
  private SandboxMain() {}

  /**
   * Runs a sandbox until the process is asked to stop (SIGINT/SIGTERM) or the thread is
   * interrupted.
   *
   * @return the process exit code: 0 after a clean stop, 1 if the sandbox could not start
   */
  public static int run(Path home, int rpcPort, long blockTimeMs) {
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(SandboxConfig.of(home, rpcPort, blockTimeMs));
    } catch (Exception e) {
      System.err.println("error: cannot start the sandbox: " + e.getMessage());
      return 1;
    }
    System.out.println("sandbox ready: rpc http://127.0.0.1:" + sandbox.rpcPort() + " home " + home
        + " root account test.near (key in " + home.resolve(Sandbox.VALIDATOR_KEY_FILE) + ")");
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      sandbox.close();
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Parses {@code --home DIR --rpc-port N --block-time-ms N} and runs. */
  public static void main(String[] args) {
    Path home = null;
    int port = SandboxConfig.DEFAULT_RPC_PORT;
    long blockTime = SandboxConfig.DEFAULT_BLOCK_TIME_MS;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (a) {
          case "--home" -> home = Path.of(require(a, value));
          case "--rpc-port" -> port = Integer.parseInt(require(a, value));
          case "--block-time-ms" -> blockTime = Long.parseLong(require(a, value));
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
        i++;
      }
      if (home == null) {
        throw new IllegalArgumentException("--home is required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    int code = run(home, port, blockTime);
    if (code != 0) {
      System.exit(code);
    }
  }

  private static final String USAGE =
      "usage: sandbox --home DIR [--rpc-port 3030] [--block-time-ms 1000]";

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
