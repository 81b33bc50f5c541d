package io.chainsig.cli.devnet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code chainsig} sub-commands as separate JVMs with the same Java and class path, in
 * their own session (so a Ctrl-C in the terminal does not reach them), output appended to a log.
 */
public final class ChildProcess {
  /**
   * JVM options of the sandbox and node processes unless {@code CHAINSIG_CHILD_JAVA_OPTS} says
   * otherwise: a small heap and the serial collector, plus the compiler directives that restrict C2
   * to cryptography ({@link io.chainsig.cli.CryptoOnlyC2#jvmOptions()}, docs/decisions.md).
   */
  static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED";

  private ChildProcess() {}

  /** Starts {@code chainsig <args>}; returns its pid. */
  public static long start(Path log, List<String> args) throws IOException {
    Files.createDirectories(log.getParent());
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    if (new File("/usr/bin/setsid").canExecute()) {
      cmd.add("/usr/bin/setsid");
    }
    cmd.add(java);
    String opts = System.getenv("CHAINSIG_CHILD_JAVA_OPTS");
    if (opts == null) {
      cmd.addAll(List.of(DEFAULT_JVM_OPTIONS.split("\\s+")));
      cmd.addAll(io.chainsig.cli.CryptoOnlyC2.jvmOptions());
    } else {
      cmd.addAll(List.of(opts.split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.chainsig.cli.Main");
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true)
        .start();
    return p.pid();
  }

  /** True if the process runs. */
  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** SIGKILL, and wait (5 s at most) until the process is gone. */
  public static void kill(long pid) {
    ProcessHandle.of(pid).ifPresent(h -> {
      h.destroyForcibly();
      try {
        h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // still listed: the caller sees it alive
      }
    });
  }

  /** SIGTERM, then SIGKILL after {@code graceMs}. */
  public static void stop(long pid, long graceMs) {
    ProcessHandle.of(pid).ifPresent(h -> {
      h.destroy();
      try {
        h.onExit().get(graceMs, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    });
  }
}
