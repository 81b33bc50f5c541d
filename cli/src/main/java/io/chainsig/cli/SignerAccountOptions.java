package io.chainsig.cli;

import io.chainsig.near.NearKeyFile;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The signer contract and the NEAR account a command signs with: either a devnet file ({@code
 * --devnet}: its RPC, contract and first account) or explicit {@code --rpc --contract --account
 * --key-file}. Commands embed it as {@code @ArgGroup(exclusive = true, multiplicity = "1")}.
 */
public final class SignerAccountOptions {
  @Option(names = "--devnet", paramLabel = "FILE", description = "A devnet.json: its RPC, contract and first account.")
  Path devnet;

  @ArgGroup(exclusive = false)
  Explicit explicit;

  /** Explicit endpoints: all four options together. */
  static final class Explicit {
    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "NEAR JSON-RPC endpoint.")
    String rpc;

    @Option(names = "--contract", required = true, paramLabel = "ID", description = "The signer contract account.")
    String contract;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "The account that calls sign.")
    String account;

    @Option(names = "--key-file", required = true, paramLabel = "F", description = "Its key file (neard format).")
    Path keyFile;
  }

  /**
   * A chain-signatures client for the chosen account.
   *
   * @throws IllegalArgumentException if a file cannot be read or an id is invalid
   */
  public ChainSignaturesClient client() {
    if (devnet != null) {
      return ChainSignaturesClient.fromDevnet(devnet);
    }
    NearKeyFile key = NearKeyFile.read(explicit.keyFile);
    NearKeyFile forAccount = new NearKeyFile(explicit.account, key.publicKey(), key.secretKey());
    return new ChainSignaturesClient(explicit.rpc, explicit.contract, forAccount);
  }
}
