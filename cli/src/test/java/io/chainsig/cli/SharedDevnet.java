package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One devnet ({@code ./chainsig devnet up}: sandbox + 5 MPC nodes on 127.0.0.1) shared by every
 * test class that declares {@code @ExtendWith(SharedDevnet.class)}; started before the first of
 * them and stopped ({@code devnet down}) when the test run ends.
 */
final class SharedDevnet implements BeforeAllCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Running running;

  /** A started devnet; closing it runs {@code devnet down}. */
  private record Running(Path home) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      ChainsigLauncher.run("devnet", "down", "--home", home.toString());
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
  }

  private static Running start() {
    try {
      Path home = Files.createTempDirectory("chainsig-shared-devnet");
      ChainsigLauncher.Result up = ChainsigLauncher.run(300, "devnet", "up", "--home", home.toString());
      if (up.code() != 0) {
        ChainsigLauncher.run("devnet", "down", "--home", home.toString());
        throw new IllegalStateException("devnet up failed: " + up);
      }
      return new Running(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The devnet's {@code devnet.json}. */
  static Path file() {
    return running.home().resolve("devnet.json");
  }

  /** The parsed {@code devnet.json}. */
  static JsonNode description() {
    try {
      return JSON.readTree(file().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
