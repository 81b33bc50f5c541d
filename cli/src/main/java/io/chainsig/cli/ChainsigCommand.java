package io.chainsig.cli;

import io.chainsig.sdk.ChainsigSdkException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code chainsig} command: lists the sub-commands. */
@Command(
    name = "chainsig",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Chain signatures: one NEAR-style account controls keys on Bitcoin, Ethereum and other chains.",
      ""
    },
    subcommands = {
      DeriveCommand.class,
      SandboxCommand.class,
      NodeCommand.class,
      DevnetCommand.class,
      BenchCommand.class,
      SignCommand.class,
      AddressCommand.class,
      SendCommand.class,
      WalletCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ChainsigCommand implements Runnable {
  @Spec CommandSpec spec;

  /**
   * A command line with chainsig's error handling: one-line errors (bad input, the SDK's typed
   * failures), exit 1 (2 for bad usage).
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ChainsigCommand());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof CliException || ex instanceof IllegalArgumentException
              || ex instanceof ChainsigSdkException) {
            err.println("error: " + ex.getMessage());
          } else {
            err.println("error: " + ex);
          }
          err.flush();
          return 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return 2;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
