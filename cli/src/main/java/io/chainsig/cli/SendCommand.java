package io.chainsig.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code chainsig send}: lists the chains a transaction can be sent on. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Send a transaction from the address an account controls on another chain.",
      "Builds it, gets it signed by the network through the signer contract,",
      "verifies the signature and broadcasts it."
    },
    subcommands = {SendEvmCommand.class, SendBitcoinCommand.class})
public final class SendCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
