package io.chainsig.sdk.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A missing node binary fails the acceptance tests with a message that says how to install it. */
class LocalProcessTest {
  @Test
  void aMissingBinaryFailsWithTheInstallCommand() {
    assertThatThrownBy(() -> LocalProcess.requireBinary(Path.of("/nonexistent/anvil"), "anvil (npm package x)"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("anvil (npm package x) is missing")
        .hasMessageContaining("scripts/install-test-deps.sh");
  }
}
