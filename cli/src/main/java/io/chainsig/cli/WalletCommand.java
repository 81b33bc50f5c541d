package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.wallet.server.WalletServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chainsig wallet}: the consent wallet service for dapps on 127.0.0.1 (docs/wallet.md). */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the wallet on 127.0.0.1: a dapp API (origin from the Origin header, CORS) and a consent",
      "page per request; accepted requests are signed through the signer contract (docs/wallet.md)."
    })
public final class WalletCommand implements Callable<Integer> {
  @Option(names = "--devnet", paramLabel = "FILE", description = "A devnet.json: its RPC, contract and first account.")
  Path devnet;

  @Option(names = "--rpc", paramLabel = "URL", description = "NEAR JSON-RPC endpoint (or 'local' for a local test signer).")
  String rpc;

  @Option(names = "--contract", paramLabel = "ID", description = "The signer contract.")
  String contract;

  @Option(names = "--account", paramLabel = "ID", description = "The wallet's NEAR account.")
  String account;

  @Option(names = "--key-file", paramLabel = "F", description = "Its key file (neard format).")
  Path keyFile;

  @Option(names = "--port", defaultValue = "7457", paramLabel = "P", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--audit-log", defaultValue = "wallet-audit.jsonl", paramLabel = "F", description = "Where decisions are appended (default ${DEFAULT-VALUE}).")
  Path auditLog;

  @Option(names = "--remember-minutes", defaultValue = "10", paramLabel = "N", description = "How long an approval is remembered per (origin, key) (default ${DEFAULT-VALUE}).")
  long rememberMinutes;

  @Option(names = "--allow-http-origins", description = "Accept http:// dapp origins other than loopback (development only).")
  boolean allowHttpOrigins;

  @Override
  public Integer call() throws Exception {
    if (devnet != null) {
      JsonNode d = new ObjectMapper().readTree(devnet.toFile());
      rpc = rpc != null ? rpc : d.path("rpc_url").asText();
      contract = contract != null ? contract : d.path("contract_id").asText();
      JsonNode first = d.path("accounts").path(0);
      account = account != null ? account : first.path("account_id").asText();
      keyFile = keyFile != null ? keyFile : Path.of(first.path("key_file").asText());
    }
    if (rpc == null || contract == null || account == null || keyFile == null) {
      throw new CliException("give --devnet FILE, or --rpc, --contract, --account and --key-file");
    }
    List<String> args = new ArrayList<>(List.of("--rpc", rpc, "--contract", contract, "--account", account,
        "--key-file", keyFile.toString(), "--port", String.valueOf(port), "--audit-log", auditLog.toString(),
        "--remember-minutes", String.valueOf(rememberMinutes)));
    if (allowHttpOrigins) {
      args.add("--allow-http-origins");
    }
    int status = WalletServer.run(args.toArray(String[]::new), System.out, System.err);
    if (status != 0) {
      return status;
    }
    Thread.currentThread().join();
    return 0;
  }
}
