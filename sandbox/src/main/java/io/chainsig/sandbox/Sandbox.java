package io.chainsig.sandbox;

import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.sandbox.rpc.JsonRpcServer;
import io.chainsig.sandbox.rpc.RpcMethods;
import io.chainsig.sandbox.store.KeyValueStore;
import io.chainsig.sandbox.store.TextKeyStore;
import io.chainsig.storage.RocksDbStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox: RocksDB store under the home directory, the chain, a block producer thread
 * and the JSON-RPC server. {@link #close()} stops producing, seals transactions still open into a
 * last block and closes the store, so a restart continues with nothing lost.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  /** The key file of the root account, in neard's format. */
  public static final String VALIDATOR_KEY_FILE = "validator_key.json";

  private final KeyValueStore store;
  private final Chain chain;
  private final ScheduledExecutorService producer;
  private final JsonRpcServer rpc;
  private final ValidatorKey key;

  private Sandbox(KeyValueStore store, Chain chain, ScheduledExecutorService producer, JsonRpcServer rpc,
      ValidatorKey key) {
    this.store = store;
    this.chain = chain;
    this.producer = producer;
    this.rpc = rpc;
    this.key = key;
  }

  /** Starts a sandbox: creates the genesis on first run, otherwise continues the chain. */
  public static Sandbox start(SandboxConfig config) throws IOException {
    Files.createDirectories(config.home());
    Path keyFile = config.home().resolve(VALIDATOR_KEY_FILE);
    Path data = config.home().resolve("data");
    SecureRandom random = new SecureRandom();
    boolean fresh = !Files.exists(data);
    ValidatorKey key;
    if (Files.exists(keyFile)) {
      key = ValidatorKey.read(keyFile);
    } else if (fresh) {
      key = ValidatorKey.generate(Chain.ROOT_ACCOUNT, random);
      key.write(keyFile);
    } else {
      throw new IOException(keyFile + " is missing but " + data + " holds a chain");
    }
    KeyValueStore store = new TextKeyStore(RocksDbStore.open(data));
    Chain chain;
    try {
      chain = Chain.open(store, key.publicKey(), random, System.currentTimeMillis() * 1_000_000L);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sandbox-block-producer");
      t.setDaemon(true);
      return t;
    });
    producer.scheduleAtFixedRate(() -> {
      try {
        chain.produceBlock(System.currentTimeMillis() * 1_000_000L);
      } catch (RuntimeException e) {
        LOG.error("block production failed", e);
      }
    }, config.blockTimeMs(), config.blockTimeMs(), TimeUnit.MILLISECONDS);
    String addr = config.rpcHost() + ":" + config.rpcPort();
    JsonRpcServer rpc;
    // The JDK's HTTP server leaves Nagle's algorithm on unless told: an answer larger than a few
    // segments (a pending_requests view under load is tens of KB) then waits for the client's
    // delayed ACK, about 40 ms per call. Read when the first HttpServer of the process starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      rpc = JsonRpcServer.start(new InetSocketAddress(config.rpcHost(), config.rpcPort()),
          new RpcMethods(chain, config.waitTimeoutMs(), addr, key.publicKey()));
    } catch (IOException | RuntimeException e) {
      producer.shutdownNow();
      store.close();
      throw e;
    }
    LOG.info("sandbox chain '{}' at height {} (genesis {}), JSON-RPC on http://{}:{}, root account {} ({})",
        Chain.CHAIN_ID, chain.head().height(), chain.genesisHash(), config.rpcHost(), rpc.port(),
        key.accountId(), key.publicKey());
    return new Sandbox(store, chain, producer, rpc, key);
  }

  /** The chain (for in-process tests). */
  public Chain chain() {
    return chain;
  }

  /** The port the JSON-RPC server listens on. */
  public int rpcPort() {
    return rpc.port();
  }

  /** The root account's key. */
  public ValidatorKey rootKey() {
    return key;
  }

  @Override
  public void close() {
    rpc.close();
    producer.shutdown();
    try {
      if (!producer.awaitTermination(5, TimeUnit.SECONDS)) {
        producer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (chain.hasOpenTransactions()) {
      chain.produceBlock(System.currentTimeMillis() * 1_000_000L);
    }
    store.close();
    LOG.info("sandbox stopped at height {}", chain.head().height());
  }
}
