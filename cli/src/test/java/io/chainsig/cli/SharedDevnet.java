package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.near.NearKeyFile;
import io.chainsig.sdk.testing.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
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
      ChainsigLauncher.Result down = ChainsigLauncher.run("devnet", "down", "--home", home.toString());
      if (down.code() == 0) {
        TempDirs.deleteRecursively(home);
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
  }

  private static Running start() {
    Path home = TempDirs.create("chainsig-shared-devnet");
    ChainsigLauncher.Result up = ChainsigLauncher.run(300, "devnet", "up", "--home", home.toString());
    if (up.code() != 0) {
      ChainsigLauncher.run("devnet", "down", "--home", home.toString());
      throw new IllegalStateException("devnet up failed: " + up);
    }
    return new Running(home);
  }

  /** The devnet's {@code devnet.json}. */
  static Path file() {
    return running.home().resolve("devnet.json");
  }

  /**
   * The explicit account options ({@code --rpc --contract --account --key-file}) of the devnet's
   * first account, with the RPC URL, contract or account replaced where not null.
   */
  static List<String> explicitOptions(String rpcUrl, String contract, String account, Path keyFile) {
    JsonNode d = description();
    JsonNode first = d.path("accounts").get(0);
    return List.of("--rpc", rpcUrl != null ? rpcUrl : d.path("rpc_url").asText(),
        "--contract", contract != null ? contract : d.path("contract_id").asText(),
        "--account", account != null ? account : first.path("account_id").asText(),
        "--key-file", keyFile != null ? keyFile.toString() : first.path("key_file").asText());
  }

  /** A fresh key file (in the devnet's home) for an account the devnet's chain does not know. */
  static Path keyFileOfUnknownAccount(String accountId) {
    try {
      Path file = Files.createTempFile(running.home(), "unknown-account", ".json");
      JSON.writeValue(file.toFile(), NearKeyFile.generate(accountId, new SecureRandom()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
