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

  /** Parses {@code --home DIR --rpc-port N --block-time-ms N} and runs; exit code 2 on bad usage. */
  public static void main(String[] args) {
    SandboxArgs parsed;
    try {
      parsed = SandboxArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + "\n" + SandboxArgs.USAGE);
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.println(SandboxArgs.USAGE);
      return;
    }
    int code = run(parsed.home(), parsed.rpcPort(), parsed.blockTimeMs());
    if (code != 0) {
      System.exit(code);
    }
  }
}
