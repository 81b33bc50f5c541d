package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.node.MpcNode;
import io.chainsig.node.config.NodeConfig;
import io.chainsig.node.config.NodeHome;
import io.chainsig.node.mpc.FaultInjection;
import io.chainsig.node.store.PresignatureStore;
import io.chainsig.node.store.PresignatureUse;
import io.chainsig.storage.EncryptedStore;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.RocksDbStore;
import io.chainsig.storage.StoreException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chainsig node}: run an MPC node from its home directory ({@code node init} makes one). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run an MPC node from its home directory (docs/node.md).",
    subcommands = {NodeCommand.Init.class, NodeCommand.Audit.class})
public final class NodeCommand implements Callable<Integer> {
  // Not `required`: picocli would then ask for it before a sub-command too (`node init --home ...`).
  @Option(names = "--home", paramLabel = "DIR", description = "The node's home (made by 'chainsig node init'); required.")
  Path home;

  @Option(names = "--fault-injection", paramLabel = "MODE", converter = FaultInjectionConverter.class,
      description = "TESTING ONLY: make this node send wrong protocol messages, so that the other nodes' aborts and exclusion"
          + " can be watched (docs/node.md, Fault injection): presign (wrong nonce points in presign) or sign (wrong"
          + " signature shares). Default: off.")
  FaultInjection faultInjection = FaultInjection.OFF;

  /** Reads a fault-injection mode, naming the modes when the value is not one. */
  static final class FaultInjectionConverter extends ParsingConverter<FaultInjection> {
    FaultInjectionConverter() {
      super(FaultInjection::parse);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (home == null) {
      throw new CliException("--home DIR is required (the node's home, made by 'chainsig node init')");
    }
    MpcNode node = new MpcNode(new NodeHome(home), faultInjection);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "node-shutdown"));
    node.start();
    node.awaitTermination();
    return 0;
  }

  /** {@code chainsig node init}: keys and config for a new node. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create a node home: mesh key, NEAR account key, storage key (all mode 0600) and config.json.")
  public static final class Init implements Callable<Integer> {
    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Where to create the node's files.")
    Path home;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "The node's NEAR account (it signs respond and votes).")
    String account;

    @Option(names = "--rpc", defaultValue = "http://127.0.0.1:3030", paramLabel = "URL", description = "NEAR JSON-RPC to follow (default ${DEFAULT-VALUE}).")
    String rpc;

    @Option(names = "--contract", defaultValue = "signer.test.near", paramLabel = "ID", description = "The signer contract (default ${DEFAULT-VALUE}).")
    String contract;

    @Option(names = "--mesh-port", defaultValue = "7001", paramLabel = "PORT", description = "Mesh port (default ${DEFAULT-VALUE}).")
    int meshPort;

    @Option(names = "--http-port", defaultValue = "8001", paramLabel = "PORT", description = "Metrics and health port (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--pool", defaultValue = "16", paramLabel = "N", description = "Presignatures to keep ready (default ${DEFAULT-VALUE}).")
    int pool;

    @Override
    public Integer call() {
      NodeHome h = new NodeHome(home);
      h.init(new NodeConfig(account, "127.0.0.1", meshPort, rpc, contract, "127.0.0.1", httpPort, pool), new SecureRandom());
      System.out.println("node home created in " + home);
      System.out.println("account_id      " + account);
      System.out.println("account key     " + h.accountKey().publicKey());
      System.out.println("mesh key        ed25519:" + io.chainsig.crypto.encoding.Base58.encode(h.meshKey().publicKey()));
      System.out.println("mesh url        127.0.0.1:" + meshPort);
      return 0;
    }
  }

  /**
   * {@code chainsig node audit}: lists a stopped node's presignatures, available and used, with
   * what each was used for (docs/node.md step 6), read from its encrypted store.
   */
  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = {
        "List a stopped node's presignatures from its encrypted store: the available ones and the used ones with their use"
            + " (led or joined sign session, request id and entropy, or discarded).",
        "The store is locked while the node runs: stop it first."
      })
  public static final class Audit implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "The node's home.")
    Path home;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      NodeHome h = new NodeHome(home);
      if (!Files.isDirectory(h.dataDir())) {
        throw new CliException("no node store in " + h.dataDir() + " (is " + home + " a node home that has run?)");
      }
      byte[] storageKey = h.storageKey();
      RocksDbStore db;
      try {
        db = RocksDbStore.open(h.dataDir());
      } catch (StoreException e) {
        if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("lock")) {
          throw new CliException("the store in " + h.dataDir() + " is locked: the node is running; stop it first"
              + " (chainsig devnet down, or stop its process), the audit reads a stopped node's store");
        }
        throw new CliException("cannot open the store in " + h.dataDir() + ": " + e.getMessage());
      }
      ObjectNode out = JSON.createObjectNode();
      try (KeyValueStore store = new EncryptedStore(db, storageKey, new SecureRandom())) {
        PresignatureStore presignatures = new PresignatureStore(store);
        out.put("home", home.toAbsolutePath().toString());
        ArrayNode available = out.putArray("available");
        for (byte[] id : presignatures.availableIds()) {
          entry(available, id);
        }
        ArrayNode used = out.putArray("used");
        for (Map.Entry<String, PresignatureUse> e : presignatures.uses().entrySet()) {
          PresignatureUse u = e.getValue();
          ObjectNode o = entry(used, Hex.decode(e.getKey())).put("use", u.kind().name().toLowerCase(java.util.Locale.ROOT));
          if (u.signed()) {
            o.put("session_id", u.sessionIdHex()).put("request_id", u.requestIdHex()).put("entropy", u.entropyHex());
          }
          if (u.atMillis() > 0) {
            o.put("at", Instant.ofEpochMilli(u.atMillis()).toString());
          }
        }
      } catch (StoreException e) {
        throw new CliException("cannot read the store in " + h.dataDir() + ": " + e.getMessage());
      }
      if (json) {
        System.out.println(out);
        return 0;
      }
      System.out.printf("node home %s: %d presignatures available, %d used%n", home, out.path("available").size(),
          out.path("used").size());
      out.path("available").forEach(a -> System.out.printf("available  owner %-3d %s%n", a.path("owner").asInt(),
          a.path("presignature_id").asText()));
      out.path("used").forEach(u -> System.out.printf("used       owner %-3d %s  %-10s%s%s%n", u.path("owner").asInt(),
          u.path("presignature_id").asText(), u.path("use").asText(),
          u.has("request_id") ? " request " + u.path("request_id").asText() + " session " + u.path("session_id").asText() : "",
          u.has("at") ? " at " + u.path("at").asText() : ""));
      return 0;
    }

    /** Adds {@code {owner, presignature_id}} for a store id (the owner's participant id, then the presignature id). */
    private static ObjectNode entry(ArrayNode list, byte[] storeId) {
      ObjectNode o = list.addObject();
      if (storeId.length > 4) {
        o.put("owner", ByteBuffer.wrap(storeId).getInt()).put("presignature_id", Hex.encode(java.util.Arrays.copyOfRange(storeId, 4, storeId.length)));
      } else {
        o.put("owner", -1).put("presignature_id", Hex.encode(storeId));
      }
      return o;
    }
  }
}
