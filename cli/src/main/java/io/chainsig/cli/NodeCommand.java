package io.chainsig.cli;

import io.chainsig.node.MpcNode;
import io.chainsig.node.config.NodeConfig;
import io.chainsig.node.config.NodeHome;
import io.chainsig.node.mpc.FaultInjection;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chainsig node}: run an MPC node from its home directory ({@code node init} makes one). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run an MPC node from its home directory (docs/node.md).",
    subcommands = NodeCommand.Init.class)
public final class NodeCommand implements Callable<Integer> {
  @Option(names = "--home", required = true, paramLabel = "DIR", description = "The node's home (made by 'chainsig node init').")
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
}
