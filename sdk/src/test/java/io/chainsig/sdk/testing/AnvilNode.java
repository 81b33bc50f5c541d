package io.chainsig.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.bitcoin.BitcoinRpcClient;
import io.chainsig.sdk.bitcoin.BitcoinRpcEndpoint;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * anvil (a local EVM node, from the npm package {@code @foundry-rs/anvil-linux-amd64} installed in
 * {@code sdk/src/test/js}) on a free port of 127.0.0.1, with its usual unlocked dev accounts.
 */
public final class AnvilNode implements AutoCloseable {
  /** anvil's first dev account (unlocked; well-known test key, holds 10000 ether). */
  public static final String DEV_ACCOUNT = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  /** The chain id the node is started with. */
  public static final long CHAIN_ID = 31337;

  // Relative to the sdk module; other modules' tests (run from their own directory) find it in ../sdk.
  private static final Path BINARY =
      Path.of("src/test/js/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
  private static final Path BINARY_FROM_SIBLING_MODULE = Path.of("../sdk").resolve(BINARY);

  private final LocalProcess process;
  private final Path dir;
  private final URI url;
  private final BitcoinRpcClient rpc;

  private AnvilNode(LocalProcess process, Path dir, URI url) {
    this.process = process;
    this.dir = dir;
    this.url = url;
    this.rpc = new BitcoinRpcClient(BitcoinRpcEndpoint.parse(url.toString()), Duration.ofSeconds(10));
  }

  /** Starts anvil and waits until it answers. */
  public static AnvilNode start() {
    Path binary = LocalProcess.requireBinary(
        Files.isExecutable(BINARY) ? BINARY : BINARY_FROM_SIBLING_MODULE, "anvil (npm package @foundry-rs/anvil-linux-amd64)");
    return LocalProcess.startWithRetries(() -> startOnce(binary));
  }

  private static AnvilNode startOnce(Path binary) {
    Path dir = TempDirs.create("chainsig-anvil-");
    int port = LocalProcess.freePort();
    LocalProcess p = LocalProcess.start(List.of(binary.toString(), "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--chain-id", String.valueOf(CHAIN_ID), "--accounts", "2"), dir.resolve("anvil.log"));
    AnvilNode node = new AnvilNode(p, dir, URI.create("http://127.0.0.1:" + port));
    node.awaitReady();
    return node;
  }

  private void awaitReady() {
    try {
      process.awaitReady("anvil", 30, () -> rpc.call("eth_chainId"));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The JSON-RPC URL. */
  public URI url() {
    return url;
  }

  /** A raw JSON-RPC call (the test's own view of the chain, independent of web3j). */
  public JsonNode call(String method, Object... params) {
    return rpc.call(method, params);
  }

  /**
   * Sends wei from the unlocked dev account with {@code eth_sendTransaction} and waits until it is
   * mined (anvil mines each transaction, but may answer before the block exists); returns the hash.
   */
  public String fund(EvmAddress to, BigInteger wei) {
    String hash = call("eth_sendTransaction",
        Map.of("from", DEV_ACCOUNT, "to", to.toChecksumString(), "value", "0x" + wei.toString(16))).asText();
    for (int i = 0; i < 100; i++) {
      JsonNode receipt = call("eth_getTransactionReceipt", hash);
      if (!receipt.isNull()) {
        if (!"0x1".equals(receipt.path("status").asText())) {
          throw new IllegalStateException("funding transaction " + hash + " failed: " + receipt);
        }
        return hash;
      }
      Sleep.millis(50);
    }
    throw new IllegalStateException("funding transaction " + hash + " was not mined within 5 s");
  }

  /** {@code eth_getBalance} at the latest block. */
  public BigInteger balance(EvmAddress address) {
    return new BigInteger(call("eth_getBalance", address.toChecksumString(), "latest").asText().substring(2), 16);
  }

  @Override
  public void close() {
    rpc.close();
    process.close();
    TempDirs.deleteRecursively(dir);
  }
}
