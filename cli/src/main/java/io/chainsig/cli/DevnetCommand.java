package io.chainsig.cli;

import io.chainsig.cli.devnet.Devnet;
import io.chainsig.cli.devnet.ReshareChange;
import io.chainsig.cli.devnet.NodeFault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainsig devnet}: a local network that signs (docs/devnet.md). */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local devnet: a sandbox chain and MPC nodes as separate processes on 127.0.0.1.",
      "Without a sub-command it runs in the foreground with live status; Ctrl-C stops everything."
    },
    subcommands = {DevnetCommand.Up.class, DevnetCommand.Status.class, DevnetCommand.Down.class, DevnetCommand.Reshare.class,
        DevnetCommand.Kill.class, DevnetCommand.Start.class})
public final class DevnetCommand implements Callable<Integer> {
  /** Where a devnet lives. */
  public static final class HomeOption {
    @Option(names = "--home", defaultValue = "devnet-home", paramLabel = "DIR", description = "The devnet's directory (default ${DEFAULT-VALUE}).")
    Path home;
  }

  /** Reads {@code ID:MODE}. */
  static final class NodeFaultConverter extends ParsingConverter<NodeFault> {
    NodeFaultConverter() {
      super(NodeFault::parse);
    }
  }

  /** How to build a devnet. */
  public static final class UpOptions {
    @Option(names = "--nodes", defaultValue = "5", paramLabel = "N", description = "MPC nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--threshold", paramLabel = "T",
        description = "The contract's threshold: participants needed to reconstruct the key (t+1). Signing uses 2T-1 nodes."
            + " Default: (nodes-1)/3 + 1, e.g. 2 for 5 nodes, so 2 nodes may be down.")
    Integer threshold;

    @Option(names = "--rpc-port", defaultValue = "0", paramLabel = "PORT", description = "Sandbox RPC port (default: any free port).")
    int rpcPort;

    @Option(names = "--block-time-ms", defaultValue = "100", paramLabel = "MS", description = "Sandbox block time (default ${DEFAULT-VALUE}).")
    long blockTimeMs;

    @Option(names = "--fault-injection", paramLabel = "ID:MODE", converter = NodeFaultConverter.class,
        description = "TESTING ONLY: start node ID with 'chainsig node --fault-injection MODE' (presign or sign), so that it"
            + " sends wrong protocol messages and the others exclude it (docs/devnet.md). Repeatable; off by default.")
    List<NodeFault> faults = new ArrayList<>();

    int threshold() {
      return threshold != null ? threshold : (nodes - 1) / 3 + 1;
    }
  }

  @Mixin HomeOption home;
  @Mixin UpOptions up;

  @Override
  public Integer call() throws Exception {
    Devnet devnet = new Devnet(home.home, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nstopping the devnet...");
      try {
        devnet.down();
      } catch (Exception e) {
        System.err.println("error: " + e.getMessage());
      }
      stopped.countDown();
    }));
    devnet.up(up.nodes, up.threshold(), up.rpcPort, up.blockTimeMs, up.faults);
    System.out.println("devnet file: " + devnet.file());
    System.out.println("try: ./chainsig sign --devnet " + devnet.file() + " --path demo --payload "
        + "0101010101010101010101010101010101010101010101010101010101010101");
    System.out.println("Ctrl-C stops the devnet.");
    while (stopped.getCount() > 0) {
      Thread.sleep(5000);
      System.out.println("--- " + java.time.LocalTime.now().withNano(0));
      devnet.status().forEach(System.out::println);
    }
    return 0;
  }

  /** {@code devnet up}: start in the background and return. */
  @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the devnet in the background and write DIR/devnet.json.")
  public static final class Up implements Callable<Integer> {
    @Mixin HomeOption home;
    @Mixin UpOptions up;

    @Override
    public Integer call() throws Exception {
      Devnet devnet = new Devnet(home.home, System.out);
      try {
        devnet.up(up.nodes, up.threshold(), up.rpcPort, up.blockTimeMs, up.faults);
      } catch (Exception e) {
        if (java.nio.file.Files.exists(devnet.file())) {
          System.out.println("devnet did not come up; stopping what was started");
          devnet.down();
        }
        throw e;
      }
      System.out.println("devnet file: " + devnet.file());
      return 0;
    }
  }

  /** {@code devnet status}. */
  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the devnet's processes and health.")
  public static final class Status implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() throws Exception {
      new Devnet(home.home, System.out).status().forEach(System.out::println);
      return 0;
    }
  }

  /** {@code devnet reshare}: change the participant set by vote; the key stays the same. */
  @Command(name = "reshare", mixinStandardHelpOptions = true,
      description = {
        "Add and/or remove nodes (and change the threshold) by a vote of the participants; the network reshares the same key.",
        "--cancel gives up a reshare that cannot finish (e.g. a new node never came up): the current participants vote"
            + " vote_cancel_resharing, the network keeps signing with them, and the nodes that were to join are stopped."
      })
  public static final class Reshare implements Callable<Integer> {
    /** How long the command waits for the reshare unless told otherwise. */
    static final int DEFAULT_TIMEOUT_SECONDS = 180;

    @Mixin HomeOption home;

    @Option(names = "--add", defaultValue = "0", paramLabel = "N", description = "New nodes to start and add (default ${DEFAULT-VALUE}).")
    int add;

    @Option(names = "--remove", split = ",", paramLabel = "ID", description = "Participant ids to remove (comma-separated).")
    java.util.List<Integer> remove = new java.util.ArrayList<>();

    @Option(names = "--threshold", paramLabel = "T", description = "The new threshold (default: unchanged).")
    Integer threshold;

    @Option(names = "--no-start",
        description = "Register and propose the new nodes but do not start them: the reshare cannot finish until it is"
            + " cancelled (for testing --cancel). Does not wait unless --timeout is given.")
    boolean noStart;

    @Option(names = "--no-wait", description = "Return once the votes are in, without waiting for the reshare to finish.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "How long to wait for the reshare to finish (default " + DEFAULT_TIMEOUT_SECONDS + "); then exit 1 saying so.")
    Integer timeout;

    @Option(names = "--cancel", description = "Cancel the running reshare by a vote of the current participants; takes no other option.")
    boolean cancel;

    @Override
    public Integer call() throws Exception {
      Devnet devnet = new Devnet(home.home, System.out);
      if (cancel) {
        if (add != 0 || !remove.isEmpty() || threshold != null || noStart || noWait || timeout != null) {
          throw new CliException("--cancel takes no other option than --home");
        }
        devnet.cancelReshare();
        return 0;
      }
      if (timeout != null && timeout < 1) {
        throw new CliException("--timeout must be at least 1 second, got " + timeout);
      }
      if (noWait && timeout != null) {
        throw new CliException("give --no-wait or --timeout, not both");
      }
      int waitSeconds = noWait ? 0 : timeout != null ? timeout : noStart ? 0 : DEFAULT_TIMEOUT_SECONDS;
      devnet.reshare(new ReshareChange(add, remove,
          threshold == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(threshold), !noStart, waitSeconds));
      return 0;
    }
  }

  /** {@code devnet down}. */
  @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every process of the devnet (state stays in DIR).")
  public static final class Down implements Callable<Integer> {
    @Mixin HomeOption home;

    @Override
    public Integer call() throws Exception {
      new Devnet(home.home, System.out).down();
      return 0;
    }
  }

  /** {@code devnet kill}: SIGKILL one process, for fault drills. */
  @Command(name = "kill", mixinStandardHelpOptions = true,
      description = "SIGKILL one process of the devnet (a crash: no clean-up), for fault drills; `devnet start` brings it back.")
  public static final class Kill implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(arity = "1..*", paramLabel = "NODE-ID|sandbox", description = "Nodes' participant ids, or `sandbox`.")
    List<String> which;

    @Override
    public Integer call() throws Exception {
      new Devnet(home.home, System.out).kill(which);
      return 0;
    }
  }

  /** {@code devnet start}: start one stopped process again from its home. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {
        "Start one stopped process of the devnet again from its home, on the same ports, and record its pid in devnet.json.",
        "A node catches up from the chain and rejoins the mesh; the command waits until its /health answers (the sandbox: its RPC)."
      })
  public static final class Start implements Callable<Integer> {
    @Mixin HomeOption home;

    @Parameters(arity = "1..*", paramLabel = "NODE-ID|sandbox",
        description = "Nodes' participant ids, or `sandbox` (started first when named with nodes).")
    List<String> which;

    @Override
    public Integer call() throws Exception {
      new Devnet(home.home, System.out).start(which);
      return 0;
    }
  }
}
