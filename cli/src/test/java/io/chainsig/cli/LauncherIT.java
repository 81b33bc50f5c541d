package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code ./chainsig} launcher as a user would, after {@code mvn package}: it must find
 * a JDK 21+ by itself even when the PATH's java is older and JAVA_HOME is unset.
 */
class LauncherIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER =
      Path.of(System.getProperty("user.dir")).getParent().resolve("chainsig");

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("CHAINSIG_JAVA_HOME");
    env.put("CHAINSIG_SKIP_BUILD", "1"); // Maven has just built it; do not start a nested build.
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void deriveJsonThroughTheLauncher() throws Exception {
    Result r =
        run("derive", "--root", "mainnet", "--account", "alice.near", "--path", "ethereum-1", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("public_key").asText()).startsWith("secp256k1:");
    assertThat(j.get("public_key_hex").asText()).startsWith("04").hasSize(130);
    assertThat(j.get("address").asText()).startsWith("0x").hasSize(42);
  }

  @Test
  void badInputThroughTheLauncher() throws Exception {
    Result r = run("derive", "--root", "mainnet", "--account", "-bad", "--path", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("error: invalid account id '-bad'");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void versionNamesAJdk21OrNewer() throws Exception {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    String javaLine = r.out().lines().filter(l -> l.startsWith("Java ")).findFirst().orElseThrow();
    int major = Integer.parseInt(javaLine.substring(5).split("[.+ -]")[0]);
    assertThat(major).isGreaterThanOrEqualTo(21);
  }
}
