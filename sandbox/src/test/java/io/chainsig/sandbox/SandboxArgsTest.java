package io.chainsig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxArgsTest {
  @Test
  void defaultsAndOptions() {
    assertThat(SandboxArgs.parse("--home", "/tmp/x"))
        .isEqualTo(new SandboxArgs(Path.of("/tmp/x"), 3030, 1000, false));
    assertThat(SandboxArgs.parse("--rpc-port", "0", "--block-time-ms", "50", "--home", "h"))
        .isEqualTo(new SandboxArgs(Path.of("h"), 0, 50, false));
    assertThat(SandboxArgs.parse("--help").help()).isTrue();
  }

  @Test
  void badUsageNamesTheProblem() {
    assertThatThrownBy(SandboxArgs::parse).hasMessageContaining("--home is required");
    assertThatThrownBy(() -> SandboxArgs.parse("--home")).hasMessageContaining("--home needs a value");
    assertThatThrownBy(() -> SandboxArgs.parse("--home", "h", "--rpc-port", "x")).hasMessageContaining("needs a number");
    assertThatThrownBy(() -> SandboxArgs.parse("--home", "h", "--rpc-port", "70000")).hasMessageContaining("0-65535");
    assertThatThrownBy(() -> SandboxArgs.parse("--home", "h", "--block-time-ms", "1")).hasMessageContaining("at least 10");
    assertThatThrownBy(() -> SandboxArgs.parse("--port", "1")).hasMessageContaining("unknown option --port");
  }

  @Test
  void runReturnsOneWhenTheSandboxCannotStart(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("home"), "a file, not a directory");
    assertThat(SandboxMain.run(dir.resolve("home"), 0, 100)).isEqualTo(1);
  }
}
