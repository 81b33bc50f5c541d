package io.chainsig.cli;

import io.chainsig.sdk.near.ChainSignaturesClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options that name a key the network signs with, shared as a mixin by the commands that talk
 * to the signer contract: the account ({@link SignerAccountOptions}: {@code --devnet FILE} or
 * {@code --rpc --contract --account --key-file}) and the derivation {@code --path}.
 */
public final class DerivedKeyOptions {
  @ArgGroup(exclusive = true, multiplicity = "1")
  SignerAccountOptions account;

  @Option(names = "--path", required = true, paramLabel = "P", description = "The derivation path (any string).")
  String path;

  /** A chain-signatures client for the chosen account. */
  public ChainSignaturesClient client() {
    return account.client();
  }

  /** The derivation path. */
  public String path() {
    return path;
  }
}
