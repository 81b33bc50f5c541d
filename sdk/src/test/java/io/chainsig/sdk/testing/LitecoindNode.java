package io.chainsig.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.bitcoin.BitcoinRpcClient;
import io.chainsig.sdk.bitcoin.BitcoinRpcEndpoint;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code litecoind -regtest} (Debian package litecoind: a Bitcoin Core fork with the same segwit
 * transaction format and BIP143 sighash) on free ports of 127.0.0.1 with a temporary data dir, a
 * random RPC password and a "miner" wallet holding mature coins. Its segwit addresses use the
 * human-readable part {@link #HRP}.
 */
public final class LitecoindNode implements AutoCloseable {
  /** Litecoin regtest's bech32 human-readable part. */
  public static final String HRP = "rltc";

  private static final Path WRAPPER = Path.of("/usr/bin/litecoind");
  // The Debian wrapper writes ~/.litecoin/litecoin.conf; the daemon it execs does not need it.
  private static final Path DAEMON = Path.of("/usr/lib/litecoin/litecoind");

  private final LocalProcess process;
  private final Path dir;
  private final BitcoinRpcEndpoint endpoint;
  private final BitcoinRpcClient rpc;
  private BitcoinRpcClient wallet;
  private String minerAddress;

  private LitecoindNode(LocalProcess process, Path dir, BitcoinRpcEndpoint endpoint) {
    this.process = process;
    this.dir = dir;
    this.endpoint = endpoint;
    this.rpc = new BitcoinRpcClient(endpoint, Duration.ofSeconds(30));
  }

  /** Starts the node, creates the miner wallet and mines 101 blocks to it. */
  public static LitecoindNode start() {
    LocalProcess.requireBinary(WRAPPER, "litecoind (Debian package litecoind)");
    Path binary = Files.isExecutable(DAEMON) ? DAEMON : WRAPPER;
    return LocalProcess.startWithRetries(() -> startOnce(binary));
  }

  private static LitecoindNode startOnce(Path binary) {
    Path dir = TempDirs.create("chainsig-litecoind-");
    int rpcPort = LocalProcess.freePort();
    int p2pPort = LocalProcess.freePort();
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    LocalProcess p = LocalProcess.start(List.of(binary.toString(), "-regtest", "-server",
        "-datadir=" + dir, "-rpcport=" + rpcPort, "-port=" + p2pPort, "-rpcbind=127.0.0.1",
        "-rpcallowip=127.0.0.1", "-listen=0", "-dnsseed=0", "-discover=0", "-fallbackfee=0.0001",
        "-keypool=1", "-rpcuser=chainsig", "-rpcpassword=" + password, "-printtoconsole=1"), dir.resolve("litecoind.log"));
    BitcoinRpcEndpoint endpoint = new BitcoinRpcEndpoint(URI.create("http://127.0.0.1:" + rpcPort), "chainsig", password);
    LitecoindNode node = new LitecoindNode(p, dir, endpoint);
    try {
      node.awaitReady();
      node.rpc.call("createwallet", "miner");
      node.wallet = new BitcoinRpcClient(endpoint.withPath("/wallet/miner"), Duration.ofSeconds(30));
      node.minerAddress = node.wallet.call("getnewaddress").asText();
      node.mine(101);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitReady() {
    process.awaitReady("litecoind", 60, () -> rpc.call("getblockchaininfo"));
  }

  /** The node's RPC endpoint (with the user and password). */
  public BitcoinRpcEndpoint endpoint() {
    return endpoint;
  }

  /** The node's RPC URL with the credentials in it, as a user would pass it. */
  public String urlWithCredentials() {
    URI u = endpoint.url();
    return u.getScheme() + "://" + endpoint.user() + ":" + endpoint.password() + "@" + u.getHost() + ":" + u.getPort();
  }

  /** A node-level call (the test's own view of the chain). */
  public JsonNode call(String method, Object... params) {
    return rpc.call(method, params);
  }

  /** A call on the miner wallet. */
  public JsonNode walletCall(String method, Object... params) {
    return wallet.call(method, params);
  }

  /** Mines blocks to the miner wallet. */
  public void mine(int blocks) {
    rpc.call("generatetoaddress", blocks, minerAddress);
  }

  /** A fresh address of the miner wallet. */
  public String newWalletAddress() {
    return wallet.call("getnewaddress").asText();
  }

  /** The address of a witness v0 output script ({@code 00 14 <program>}), in this node's format. */
  public static String addressOf(byte[] p2wpkhScript) {
    return SegwitAddress.of(HRP, 0, Arrays.copyOfRange(p2wpkhScript, 2, p2wpkhScript.length)).encode();
  }

  /** Sends coins from the miner wallet to a P2WPKH script; returns the txid. */
  public String fund(byte[] p2wpkhScript, BigDecimal coins) {
    return wallet.call("sendtoaddress", addressOf(p2wpkhScript), coins).asText();
  }

  /** An amount in coins (text, e.g. {@code "1.3"}) as satoshis, exactly. */
  public static long sat(String coins) {
    return new BigDecimal(coins).movePointRight(8).longValueExact();
  }

  /** An amount in coins as the node's JSON has it, as satoshis, exactly. */
  public static long sat(JsonNode coins) {
    return coins.decimalValue().movePointRight(8).longValueExact();
  }

  /** The txids in the mempool. */
  public List<String> mempool() {
    return java.util.stream.StreamSupport.stream(rpc.call("getrawmempool").spliterator(), false)
        .map(JsonNode::asText).toList();
  }

  @Override
  public void close() {
    try {
      rpc.call("stop");
    } catch (RuntimeException e) {
      // already stopped or unreachable: the process is ended below either way
    }
    if (wallet != null) {
      wallet.close();
    }
    rpc.close();
    process.stop(10_000);
    TempDirs.deleteRecursively(dir);
  }
}
