package io.chainsig.wallet.server;

import com.sun.net.httpserver.HttpServer;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.wallet.consent.ApprovalMemory;
import io.chainsig.wallet.consent.AuditLog;
import io.chainsig.wallet.consent.ConsentPolicy;
import io.chainsig.wallet.consent.ConsentingSigner;
import io.chainsig.wallet.path.Slip44Registry;
import io.chainsig.wallet.signer.LocalSecp256k1Signer;
import io.chainsig.wallet.signer.PublicKeyDirectory;
import io.chainsig.wallet.signer.SignatureRequester;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The wallet service: the dapp API and consent pages on 127.0.0.1, signing through a {@link
 * SignatureRequester} wrapped in a {@link ConsentingSigner}. {@code chainsig wallet} calls {@link
 * #main}; tests and embedders call {@link #start}.
 */
public final class WalletServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;
  private final int port;

  private WalletServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
    this.port = http.getAddress().getPort();
  }

  /**
   * Starts a wallet on 127.0.0.1 that signs through {@code requester}, logging decisions to {@code
   * audit}. If the requester also knows public keys ({@link PublicKeyDirectory}), prompts show the
   * key's address and Bitcoin change.
   */
  public static WalletServer start(WalletOptions options, SignatureRequester requester, AuditLog audit, Clock clock) {
    PublicKeyDirectory keys = requester instanceof PublicKeyDirectory directory ? directory : PublicKeyDirectory.NONE;
    return start(options, requester, keys, audit, clock);
  }

  /** Starts a wallet with an explicit public-key directory. */
  public static WalletServer start(
      WalletOptions options, SignatureRequester requester, PublicKeyDirectory keys, AuditLog audit, Clock clock) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 32);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port(), e);
    }
    int port = http.getAddress().getPort();
    ConsentingSigner signer = new ConsentingSigner(
        requester,
        new ConsentPolicy(options.allowHttpOrigins(), Slip44Registry.standard()),
        new ApprovalMemory(clock, options.rememberApprovalsFor()),
        audit,
        clock);
    WebConsent consent = new WebConsent(clock);
    TrackedRequests requests = new TrackedRequests();
    http.createContext("/api/", new DappApi(signer, consent, requests, options.account(), keys, port));
    http.createContext("/consent/", new ConsentPages(consent, requests, port, options.rememberApprovalsFor()));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    http.setExecutor(executor);
    http.start();
    return new WalletServer(http, executor);
  }

  /** Starts a wallet from command-line options, with the audit log file they name. */
  public static WalletServer start(WalletOptions options, SignatureRequester requester) {
    return start(options, requester, new FileAuditLog(options.auditLog()), Clock.systemUTC());
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:7457}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  /**
   * {@code chainsig wallet --rpc URL --contract ID --account ID --key-file F [--port P]}; exits with
   * the status of {@link #run}.
   */
  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
    Thread.currentThread().join();
  }

  /**
   * Starts the wallet from command-line options and returns 0 while it keeps serving in the
   * background (a shutdown hook stops it), or 2 for bad options. Until the NEAR-contract requester
   * exists (issue 5), only {@code --rpc local} works: it signs with the secp256k1 root secret (hex)
   * in {@code --key-file}, for development. For the CLI: call this, then wait.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    WalletOptions options;
    try {
      options = WalletOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("chainsig wallet: " + e.getMessage());
      return 2;
    }
    SignatureRequester requester;
    String via;
    if (options.localSigner()) {
      try {
        String secretHex = Files.readString(options.keyFile(), StandardCharsets.UTF_8).strip();
        requester = new LocalSecp256k1Signer(Secp256k1Scalar.fromBytes(Hex.decode(secretHex, 32)), options.account());
      } catch (IllegalArgumentException e) {
        err.println("chainsig wallet: --key-file must hold a 32-byte hex secp256k1 secret: " + e.getMessage());
        return 2;
      }
      via = "local test signer";
    } else {
      try {
        io.chainsig.near.NearKeyFile key = io.chainsig.near.NearKeyFile.read(options.keyFile());
        if (!key.accountId().equals(options.account().value())) {
          err.println("chainsig wallet: --key-file is for " + key.accountId() + ", not " + options.account().value());
          return 2;
        }
        io.chainsig.sdk.near.ChainSignaturesClient client =
            new io.chainsig.sdk.near.ChainSignaturesClient(options.rpc(), options.contract(), key);
        client.rootPublicKey(); // fail now, clearly, if the contract cannot be reached
        requester = new io.chainsig.wallet.signer.ContractSignatureRequester(client);
      } catch (RuntimeException e) {
        err.println("chainsig wallet: " + e.getMessage());
        return 2;
      }
      via = "signer contract " + options.contract() + " at " + options.rpc();
    }
    WalletServer server = start(options, requester);
    out.println("chainsig wallet for " + options.account().value() + " on " + server.baseUrl()
        + " (" + via + "; audit log " + options.auditLog() + ")");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return 0;
  }
}
