package io.chainsig.cli;

import io.chainsig.sandbox.SandboxMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chainsig sandbox}: the NEAR-compatible development chain hosting the signer contract. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run the single-process NEAR-compatible development chain (docs/sandbox.md).",
      "First run creates the genesis and DIR/validator_key.json (account test.near); later runs continue the chain."
    })
public final class SandboxCommand implements Callable<Integer> {
  @Option(names = "--home", required = true, paramLabel = "DIR", description = "Where the chain keeps its state.")
  Path home;

  @Option(names = "--rpc-port", defaultValue = "3030", paramLabel = "PORT", description = "JSON-RPC port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free port).")
  int rpcPort;

  @Option(names = "--block-time-ms", defaultValue = "1000", paramLabel = "MS", description = "Time between blocks (default ${DEFAULT-VALUE}).")
  long blockTimeMs;

  @Override
  public Integer call() {
    return SandboxMain.run(home, rpcPort, blockTimeMs);
  }
}
