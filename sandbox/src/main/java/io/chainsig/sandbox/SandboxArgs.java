package io.chainsig.sandbox;

import java.nio.file.Path;

/**
 * The command line of {@link SandboxMain}: {@code --home DIR [--rpc-port N] [--block-time-ms N]}.
 *
 * @param home the home directory
 * @param rpcPort the JSON-RPC port
 * @param blockTimeMs time between blocks
 * @param help true if usage was asked for (the other fields are then meaningless)
 */
public record SandboxArgs(Path home, int rpcPort, long blockTimeMs, boolean help) {
  /** One-line usage. */
  public static final String USAGE =
      "usage: sandbox --home DIR [--rpc-port 3030] [--block-time-ms 1000]";

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static SandboxArgs parse(String... args) {
    Path home = null;
    int port = SandboxConfig.DEFAULT_RPC_PORT;
    long blockTime = SandboxConfig.DEFAULT_BLOCK_TIME_MS;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (option.equals("-h") || option.equals("--help")) {
        return new SandboxArgs(null, port, blockTime, true);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[i + 1];
      try {
        switch (option) {
          case "--home" -> home = Path.of(value);
          case "--rpc-port" -> port = Integer.parseInt(value);
          case "--block-time-ms" -> blockTime = Long.parseLong(value);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
      }
    }
    if (home == null) {
      throw new IllegalArgumentException("--home is required");
    }
    SandboxConfig.of(home, port, blockTime); // the same range checks as at start
    return new SandboxArgs(home, port, blockTime, false);
  }
}
