package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./chainsig} launcher as a separate process, as a user would. */
final class ChainsigProcess {
  /** The repository root (the cli module's parent). */
  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  private ChainsigProcess() {}

  /** Runs {@code ./chainsig args...}, asserts exit 0 within 5 minutes, returns stdout+stderr. */
  static String run(String... args) throws Exception {
    Process p = start(args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /** Starts {@code ./chainsig args...} (output merged) without waiting. */
  static Process start(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("chainsig").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("CHAINSIG_SKIP_BUILD", "1"); // Maven has just built it
    return pb.start();
  }

  /** The first line of output that is a JSON object. */
  static String jsonLine(String output) {
    return output.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() -> new AssertionError(output));
  }
}
