package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./chainsig} launcher as a user would, after {@code mvn package} (with {@code
 * CHAINSIG_SKIP_BUILD=1}: Maven has just built it).
 */
final class ChainsigLauncher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).getParent().resolve("chainsig");

  private ChainsigLauncher() {}

  /** What a run printed and its exit code. */
  record Result(int code, String out, String err) {
    /** The one JSON object the command printed on standard output. */
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + out + "\n" + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  /** Runs {@code ./chainsig args...} and waits for it (at most {@code timeoutSeconds}). */
  static Result run(long timeoutSeconds, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("chainsig-out", ".txt");
      Path err = Files.createTempFile("chainsig-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CHAINSIG_SKIP_BUILD", "1");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("chainsig " + args[0] + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts that a run failed with exit code 1 and one line on standard error starting with {@code start}. */
  static void assertOneErrorLine(Result r, String start) {
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).as(r.toString()).isEmpty();
    assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    assertThat(r.err().strip()).as(r.toString()).startsWith(start);
  }

  /** A command line put together from parts (e.g. a command and the account options). */
  @SafeVarargs
  static String[] args(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return all.toArray(String[]::new);
  }

  /** Runs with a 120 s limit. */
  static Result run(String... args) {
    return run(120, args);
  }

  /** The repository root (the cli module's parent). */
  static final Path ROOT = LAUNCHER.getParent();

  /** Runs {@code ./chainsig args...}, requires exit 0 within 5 minutes, returns stdout then stderr. */
  static String runOk(String... args) {
    Result r = run(300, args);
    if (r.code() != 0) {
      throw new AssertionError("chainsig " + String.join(" ", args) + " failed: " + r);
    }
    return r.out() + r.err();
  }

  /** The first line of output that is a JSON object. */
  static String jsonLine(String output) {
    return output.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow(() -> new AssertionError(output));
  }
}
