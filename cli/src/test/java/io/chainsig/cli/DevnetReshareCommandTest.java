package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code chainsig devnet reshare}: option combinations that make no sense are refused with one
 * {@code error:} line before the devnet is touched (the home named here does not exist).
 */
class DevnetReshareCommandTest {
  private static final String NO_HOME = "/nonexistent/chainsig-devnet-home";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "                              | error: nothing to change: give --add, --remove and/or --threshold",
    "--no-start                    | error: --no-start is about new nodes: give --add N",
    "--cancel --add 1              | error: --cancel takes no other option than --home",
    "--cancel --no-wait            | error: --cancel takes no other option than --home",
    "--add 1 --no-wait --timeout 5 | error: give --no-wait or --timeout, not both",
    "--add 1 --timeout 0           | error: --timeout must be at least 1 second, got 0",
    "--remove 2 --no-wait          | error: --remove stops the removed nodes once the reshare is done, so it needs to wait",
    "--remove 2,2                  | error: --remove takes distinct participant ids (1 or more), got [2, 2]",
    "--add 21                      | error: --add must be 0..20, got 21",
    "--threshold 0                 | error: --threshold must be at least 1, got 0",
    "--cancel                      | error: no devnet in /nonexistent/chainsig-devnet-home (no devnet.json)",
    "--add 1                       | error: no devnet in /nonexistent/chainsig-devnet-home (no devnet.json)",
  })
  void nonsenseIsRefusedWithOneLine(String options, String error) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("devnet", "reshare", "--home", NO_HOME));
    if (options != null) {
      args.addAll(java.util.List.of(options.trim().split("\\s+")));
    }
    CommandRun run = CommandRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err().strip()).startsWith(error);
    assertThat(Files.exists(Path.of(NO_HOME))).isFalse();
  }
}
