package io.chainsig.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link SandboxMain} as a separate JVM process, the way an operator runs it. */
final class SandboxProcess implements AutoCloseable {
  private final Process process;
  private final StringBuilder output = new StringBuilder();

  private SandboxProcess(Process process) {
    this.process = process;
  }

  static SandboxProcess start(Path home, int port, long blockTimeMs) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String deps = Files.readString(Path.of("target", "classpath.txt")).strip();
    String cp = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + deps;
    Process p = new ProcessBuilder(List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", cp,
        "io.chainsig.sandbox.SandboxMain", "--home", home.toString(), "--rpc-port", Integer.toString(port),
        "--block-time-ms", Long.toString(blockTimeMs)))
        .redirectErrorStream(true).start();
    SandboxProcess sp = new SandboxProcess(p);
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while ((line = r.readLine()) != null) {
      sp.output.append(line).append('\n');
      if (line.startsWith("sandbox ready")) {
        Thread drain = new Thread(() -> {
          try {
            String l;
            while ((l = r.readLine()) != null) {
              synchronized (sp.output) {
                sp.output.append(l).append('\n');
              }
            }
          } catch (IOException e) {
            // process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return sp;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("sandbox did not start:\n" + sp.output);
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no chance to clean up, as in a crash or a power cut. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, then wait: the sandbox seals open transactions and closes RocksDB. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
