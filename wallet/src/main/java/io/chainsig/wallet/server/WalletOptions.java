package io.chainsig.wallet.server;

import io.chainsig.derivation.NearAccountId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The options of {@code chainsig wallet}.
 *
 * @param rpc the NEAR RPC URL, or {@code local} to sign with a local test root secret
 * @param contract the signer contract account
 * @param account the NEAR account that asks for signatures (the predecessor of every key)
 * @param keyFile the account's key file; with {@code --rpc local}, the hex root secret instead
 * @param port the port on 127.0.0.1 (0 picks a free one)
 * @param auditLog where decisions are appended, one JSON object per line
 * @param allowHttpOrigins accept plain-http dapp origins that are not loopback (development only)
 * @param rememberApprovalsFor how long "don't ask again" lasts
 */
public record WalletOptions(
    String rpc, String contract, NearAccountId account, Path keyFile, int port, Path auditLog,
    boolean allowHttpOrigins, Duration rememberApprovalsFor) {
  /** The default port. */
  public static final int DEFAULT_PORT = 7457;

  /** Validates. */
  public WalletOptions {
    Objects.requireNonNull(rpc, "--rpc is required");
    Objects.requireNonNull(contract, "--contract is required");
    Objects.requireNonNull(account, "--account is required");
    Objects.requireNonNull(keyFile, "--key-file is required");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(rememberApprovalsFor, "rememberApprovalsFor");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535, got " + port);
    }
  }

  /** True when signing goes to the local test signer instead of the contract. */
  public boolean localSigner() {
    return rpc.equals("local");
  }

  /**
   * Parses {@code --rpc URL --contract ID --account ID --key-file F [--port P] [--audit-log F]
   * [--allow-http-origins] [--remember-minutes N]}.
   */
  public static WalletOptions parse(String[] args) {
    String rpc = null;
    String contract = null;
    String account = null;
    String keyFile = null;
    int port = DEFAULT_PORT;
    String auditLog = "wallet-audit.jsonl";
    boolean allowHttp = false;
    long rememberMinutes = 10;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--allow-http-origins" -> allowHttp = true;
        case "--rpc", "--contract", "--account", "--key-file", "--port", "--audit-log", "--remember-minutes" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          String value = args[++i];
          switch (arg) {
            case "--rpc" -> rpc = value;
            case "--contract" -> contract = value;
            case "--account" -> account = value;
            case "--key-file" -> keyFile = value;
            case "--port" -> port = Integer.parseInt(value);
            case "--audit-log" -> auditLog = value;
            default -> rememberMinutes = Long.parseLong(value);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (rpc == null || contract == null || account == null || keyFile == null) {
      throw new IllegalArgumentException(
          "usage: chainsig wallet --rpc URL --contract ID --account ID --key-file F [--port P] [--audit-log F]"
              + " [--allow-http-origins] [--remember-minutes N]");
    }
    return new WalletOptions(rpc, contract, new NearAccountId(account), Path.of(keyFile), port, Path.of(auditLog),
        allowHttp, Duration.ofMinutes(rememberMinutes));
  }
}
