package io.chainsig.cli.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.cli.CliException;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.NearKeyFile;
import io.chainsig.node.config.NodeConfig;
import io.chainsig.node.config.NodeHome;
import io.chainsig.node.mpc.FaultInjection;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a local devnet up and down (docs/devnet.md): a sandbox chain and {@code n} MPC nodes as
 * separate processes on 127.0.0.1, the signer contract initialised with the nodes as
 * participants, key generation awaited, a few funded user accounts, and {@code devnet.json}.
 */
public final class Devnet {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String ROOT = "test.near";
  static final String CONTRACT = "signer.test.near";
  static final List<String> USERS = List.of("alice.test.near", "bob.test.near", "carol.test.near", "dave.test.near");
  private static final BigInteger NEAR = BigInteger.TEN.pow(24);

  private final Path home;
  private final PrintStream log;
  private final SecureRandom random = new SecureRandom();
  private int presignaturePoolTarget = DEFAULT_POOL_TARGET;
  private final java.util.Set<Integer> portsGiven = new java.util.HashSet<>();

  /** Presignatures each node keeps ready unless told otherwise. */
  public static final int DEFAULT_POOL_TARGET = 8;

  /** A devnet in {@code home}, reporting progress on {@code log}. */
  public Devnet(Path home, PrintStream log) {
    this.home = home.toAbsolutePath();
    this.log = log;
  }

  /** Sets the presignature pool target of the nodes this devnet creates (1..100000). */
  public Devnet presignaturePoolTarget(int target) {
    if (target < 1 || target > 100_000) {
      throw new IllegalArgumentException("the presignature pool target must be 1..100000, got " + target);
    }
    this.presignaturePoolTarget = target;
    return this;
  }

  /**
   * A transaction sender for the sandbox's root account {@value #ROOT} (it funds new accounts),
   * with the key the sandbox wrote into its home.
   */
  public NearTransactionSender rootSender() throws IOException {
    JsonNode d = JSON.readTree(file().toFile());
    NearKeyFile rootKey = JSON.readValue(Path.of(d.path("sandbox").path("home").asText(), "validator_key.json").toFile(), NearKeyFile.class);
    return new NearTransactionSender(new NearRpcClient(d.path("rpc_url").asText()), ROOT, rootKey.publicKey(), rootKey.seed());
  }

  /** The devnet description file. */
  public Path file() {
    return home.resolve("devnet.json");
  }

  /**
   * Starts everything and waits for key generation; returns the devnet.json contents. A home that
   * holds a complete devnet whose processes are down is resumed instead: the same chain, keys,
   * shares and presignatures, on the same ports, and the same nodes with fault injection.
   *
   * @param faults nodes to start with fault injection (a testing aid, docs/devnet.md); only for a
   *     new devnet
   */
  public ObjectNode up(int nodes, int threshold, int rpcPort, long blockTimeMs, List<NodeFault> faults) throws Exception {
    if (Files.exists(file())) {
      JsonNode existing = JSON.readTree(file().toFile());
      if (anyAlive(existing)) {
        throw new IllegalStateException("a devnet is already running in " + home + " (chainsig devnet down --home " + home + ")");
      }
      if (!faults.isEmpty()) {
        throw new IllegalArgumentException("fault injection is chosen when a devnet is first started; " + file()
            + " keeps it for resumed devnets");
      }
      if (existing.hasNonNull("root_public_key")) {
        return resume((ObjectNode) existing, blockTimeMs);
      }
      throw new IllegalStateException(home + " holds a devnet that never finished starting; remove the directory and start again");
    }
    if (threshold < 1 || 2 * (threshold - 1) + 1 > nodes) {
      throw new IllegalArgumentException("threshold " + threshold + " needs 2*(threshold-1)+1 <= nodes (" + nodes + ")");
    }
    Map<Integer, FaultInjection> faulty = new TreeMap<>();
    for (NodeFault f : faults) {
      if (f.participant() > nodes) {
        throw new IllegalArgumentException("fault injection: there is no node " + f.participant() + " (nodes 1.." + nodes + ")");
      }
      if (faulty.put(f.participant(), f.mode()) != null) {
        throw new IllegalArgumentException("fault injection: node " + f.participant() + " is named twice");
      }
    }
    Files.createDirectories(home);
    ObjectNode d = JSON.createObjectNode();
    int port = rpcPort == 0 ? freePort() : rpcPort;
    String rpcUrl = "http://127.0.0.1:" + port;
    d.put("rpc_url", rpcUrl).put("contract_id", CONTRACT).put("threshold", threshold);
    ObjectNode sandbox = d.putObject("sandbox");
    Path sandboxHome = home.resolve("sandbox");
    long sandboxPid = ChildProcess.start(home.resolve("logs/sandbox.log"),
        List.of("sandbox", "--home", sandboxHome.toString(), "--rpc-port", String.valueOf(port), "--block-time-ms", String.valueOf(blockTimeMs)));
    sandbox.put("pid", sandboxPid).put("home", sandboxHome.toString()).put("log", home.resolve("logs/sandbox.log").toString())
        .put("block_time_ms", blockTimeMs);
    write(d);
    log.printf("sandbox: pid %d, rpc %s%n", sandboxPid, rpcUrl);
    NearRpcClient rpc = new NearRpcClient(rpcUrl);
    waitFor("the sandbox RPC", 60, () -> {
      rpc.call("status", JSON.createArrayNode());
      return Files.exists(sandboxHome.resolve("validator_key.json"));
    });
    NearKeyFile rootKey = JSON.readValue(sandboxHome.resolve("validator_key.json").toFile(), NearKeyFile.class);
    NearTransactionSender root = new NearTransactionSender(rpc, ROOT, rootKey.publicKey(), rootKey.seed());

    // Node homes and accounts.
    ArrayNode participants = JSON.createArrayNode();
    List<NodeHome> homes = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      String account = "node" + i + "." + ROOT;
      NodeHome nh = new NodeHome(home.resolve("node" + i));
      if (!Files.exists(nh.dir().resolve("config.json"))) {
        nh.init(new NodeConfig(account, "127.0.0.1", freePort(), rpcUrl, CONTRACT, "127.0.0.1", freePort(), presignaturePoolTarget), random);
      }
      homes.add(nh);
      createAccount(root, account, nh.accountKey().publicKey(), NEAR.multiply(BigInteger.valueOf(50)), List.of());
      ArrayNode p = participants.addArray();
      p.add(account).add(i);
      p.addObject().put("url", "127.0.0.1:" + nh.config().meshPort())
          .put("tls_public_key", "ed25519:" + Base58.encode(nh.meshKey().publicKey()));
    }
    // The signer contract.
    NearKeyFile contractKey = keyFile(CONTRACT);
    createAccount(root, CONTRACT, contractKey.publicKey(), NEAR.multiply(BigInteger.valueOf(50)),
        List.of(new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    NearTransactionSender contract = new NearTransactionSender(rpc, CONTRACT, contractKey.publicKey(), contractKey.seed());
    ObjectNode init = JSON.createObjectNode();
    init.putObject("parameters").<ObjectNode>set("participants", participants).put("threshold", threshold);
    init.putArray("domains").addObject().put("id", 0).put("scheme", "Secp256k1");
    contract.functionCall(CONTRACT, "init", init.toString(), BigInteger.ZERO);
    log.printf("contract: %s initialised with %d participants, threshold %d%n", CONTRACT, nodes, threshold);

    // Nodes.
    ArrayNode nodeList = d.putArray("nodes");
    for (int i = 1; i <= nodes; i++) {
      NodeHome nh = homes.get(i - 1);
      FaultInjection fault = faulty.getOrDefault(i, FaultInjection.OFF);
      Path nodeLog = home.resolve("logs/node" + i + ".log");
      long pid = ChildProcess.start(nodeLog, nodeArgs(nh.dir().toString(), fault));
      ObjectNode n = addNodeEntry(nodeList, i, nh, pid, nodeLog);
      if (fault.isOn()) {
        n.put("fault_injection", fault.mode());
      }
      log.printf("node %d: pid %d, mesh 127.0.0.1:%d, metrics http://127.0.0.1:%d/metrics%s%n",
          i, pid, nh.config().meshPort(), nh.config().httpPort(),
          fault.isOn() ? ", FAULT INJECTION " + fault.mode() : "");
    }
    write(d);

    // Users.
    ArrayNode accounts = d.putArray("accounts");
    for (String user : USERS) {
      NearKeyFile k = keyFile(user);
      createAccount(root, user, k.publicKey(), NEAR.multiply(BigInteger.valueOf(100)), List.of());
      accounts.addObject().put("account_id", user).put("key_file", home.resolve("accounts/" + user + ".json").toString());
    }
    write(d);

    log.println("waiting for key generation...");
    waitFor("key generation (contract state Running)", 180, () ->
        rpc.view(CONTRACT, "state", "{}").has("Running"));
    String rootPk = rpc.view(CONTRACT, "public_key", "{}").asText();
    d.put("root_public_key", rootPk);
    write(d);
    log.printf("devnet up: root public key %s%n", rootPk);
    return d;
  }

  private ObjectNode resume(ObjectNode d, long blockTimeMs) throws Exception {
    ((ObjectNode) d.path("sandbox")).put("block_time_ms", blockTimeMs);
    long sandboxPid = startSandbox(d);
    log.printf("resuming the devnet in %s: sandbox pid %d, rpc %s%n", home, sandboxPid, d.path("rpc_url").asText());
    for (JsonNode n : d.path("nodes")) {
      log.printf("node %d: pid %d%n", n.path("participant_id").asInt(), startNode((ObjectNode) n));
    }
    write(d);
    NearRpcClient rpc = new NearRpcClient(d.path("rpc_url").asText());
    waitFor("the contract to be Running", 120, () -> rpc.view(d.path("contract_id").asText(), "state", "{}").has("Running"));
    log.printf("devnet up: root public key %s%n", d.path("root_public_key").asText());
    return d;
  }

  /**
   * Starts the sandbox again from its home on the devnet's RPC port (and block time), records its
   * pid in {@code d} and waits (60 s at most) until its RPC answers; returns the pid.
   */
  private long startSandbox(ObjectNode d) throws Exception {
    String rpcUrl = d.path("rpc_url").asText();
    String port = rpcUrl.substring(rpcUrl.lastIndexOf(':') + 1);
    ObjectNode sandbox = (ObjectNode) d.path("sandbox");
    long blockTimeMs = sandbox.path("block_time_ms").asLong(DEFAULT_BLOCK_TIME_MS);
    long pid = ChildProcess.start(Path.of(sandbox.path("log").asText()),
        List.of("sandbox", "--home", sandbox.path("home").asText(), "--rpc-port", port, "--block-time-ms", String.valueOf(blockTimeMs)));
    sandbox.put("pid", pid);
    NearRpcClient rpc = new NearRpcClient(rpcUrl);
    waitFor("the sandbox RPC", 60, () -> rpc.call("status", JSON.createArrayNode()) != null);
    return pid;
  }

  /** Starts a node again from its home (same ports, keys and store); records its pid in its entry; returns the pid. */
  private static long startNode(ObjectNode n) throws IOException {
    long pid = ChildProcess.start(Path.of(n.path("log").asText()),
        nodeArgs(n.path("home").asText(), FaultInjection.parse(n.path("fault_injection").asText("off"))));
    n.put("pid", pid);
    return pid;
  }

  /** The block time of a devnet whose devnet.json does not say (written before it was recorded). */
  public static final long DEFAULT_BLOCK_TIME_MS = 100;

  /**
   * SIGKILLs processes of the running devnet, for fault drills: {@code "sandbox"} or nodes'
   * participant ids. No clean-up runs in them, as in a crash.
   *
   * @throws CliException if one is unknown or not running (checked before any is killed)
   */
  public void kill(List<String> which) throws IOException {
    ObjectNode d = description();
    List<JsonNode> entries = new ArrayList<>();
    for (String w : which) {
      JsonNode entry = processEntry(d, w);
      long pid = entry.path("pid").asLong();
      if (pid <= 0 || !ChildProcess.alive(pid)) {
        throw new CliException(label(w) + " is not running (pid " + pid + "); `chainsig devnet start " + w
            + " --home " + home + "` starts it");
      }
      entries.add(entry);
    }
    for (int i = 0; i < which.size(); i++) {
      long pid = entries.get(i).path("pid").asLong();
      ChildProcess.kill(pid);
      log.printf("killed %s (pid %d, SIGKILL)%n", label(which.get(i)), pid);
    }
  }

  /**
   * Starts stopped processes of the devnet again from their homes, on the same ports, and records
   * their new pids in devnet.json: the sandbox first (waits until its RPC answers), then the nodes
   * at once (waits until each one's {@code /health} answers: it has read the contract and opened
   * its mesh port).
   *
   * @throws CliException if one is unknown or still running (checked before any is started)
   */
  public void start(List<String> which) throws Exception {
    ObjectNode d = description();
    List<ObjectNode> nodes = new ArrayList<>();
    boolean sandbox = false;
    for (String w : which) {
      ObjectNode entry = processEntry(d, w);
      long old = entry.path("pid").asLong();
      if (old > 0 && ChildProcess.alive(old)) {
        throw new CliException(label(w) + " is already running (pid " + old + ")");
      }
      if (SANDBOX.equals(w)) {
        sandbox = true;
      } else {
        nodes.add(entry);
      }
    }
    if (sandbox) {
      long pid = startSandbox(d);
      write(d);
      log.printf("started the sandbox (pid %d)%n", pid);
    }
    for (ObjectNode n : nodes) {
      startNode(n);
    }
    write(d);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    for (ObjectNode n : nodes) {
      String what = "node " + n.path("participant_id").asInt();
      waitFor(what + "'s /health", 180, () -> http.send(HttpRequest.newBuilder(URI.create(n.path("health_url").asText()))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      log.printf("started %s (pid %d)%n", what, n.path("pid").asLong());
    }
  }

  /** The name {@link #kill} and {@link #start} take for the sandbox. */
  public static final String SANDBOX = "sandbox";

  private static String label(String which) {
    return SANDBOX.equals(which) ? SANDBOX : "node " + which;
  }

  /** devnet.json's entry of the sandbox or of the node with this participant id. */
  private ObjectNode processEntry(ObjectNode d, String which) {
    if (SANDBOX.equals(which)) {
      return (ObjectNode) d.path("sandbox");
    }
    if (!which.matches("[0-9]{1,6}")) {
      throw new CliException("expected a node's participant id or `sandbox`, got `" + which + "`");
    }
    for (JsonNode n : d.path("nodes")) {
      if (n.path("participant_id").asInt() == Integer.parseInt(which)) {
        return (ObjectNode) n;
      }
    }
    List<String> ids = new ArrayList<>();
    d.path("nodes").forEach(n -> ids.add(n.path("participant_id").asText()));
    throw new CliException("the devnet in " + home + " has no node " + which + " (nodes " + String.join(", ", ids) + ")");
  }

  /** devnet.json of a devnet whose first start finished. */
  private ObjectNode description() throws IOException {
    if (!Files.exists(file())) {
      throw new CliException("no devnet in " + home + " (no devnet.json)");
    }
    return (ObjectNode) JSON.readTree(file().toFile());
  }

  /**
   * Changes the participant set by a vote of the current participants (docs/devnet.md): adds
   * {@code change.add()} new nodes (started here, unless {@code startNew} is false) and removes the
   * nodes in {@code change.remove()} (stopped once the reshare is done), with a new threshold. The
   * network reshares; the root key stays the same.
   *
   * @throws CliException if the contract is not Running, or the reshare did not finish in time
   */
  public ObjectNode reshare(ReshareChange change) throws Exception {
    Live live = live("Running", "cannot reshare now");
    ObjectNode d = live.devnet();
    NearRpcClient rpc = live.rpc();
    String contract = live.contract();
    JsonNode state = live.state();
    long epoch = state.path("Running").path("epoch").asLong();
    // After a cancelled reshare the next one gets a fresh epoch id (docs/contract.md, "Epochs").
    long prospective = state.path("Running").path("prospective_epoch_id").asLong(epoch + 1);
    ArrayNode current = (ArrayNode) state.path("Running").path("parameters").path("participants");
    NearTransactionSender root = rootSender();
    ArrayNode proposed = JSON.createArrayNode();
    int maxId = highestNodeDirectory();
    for (JsonNode p : current) {
      maxId = Math.max(maxId, p.get(1).asInt());
      if (!change.remove().contains(p.get(1).asInt())) {
        proposed.add(p);
      }
    }
    // Checked before any node is created.
    int threshold = change.threshold().orElse(state.path("Running").path("parameters").path("threshold").asInt());
    int size = proposed.size() + change.add();
    if (2 * (threshold - 1) + 1 > size) {
      throw new IllegalArgumentException("threshold " + threshold + " needs 2*(threshold-1)+1 <= " + size + " participants");
    }
    ArrayNode nodeList = (ArrayNode) d.path("nodes");
    for (JsonNode n : nodeList) {
      maxId = Math.max(maxId, n.path("participant_id").asInt());
    }
    String rpcUrl = d.path("rpc_url").asText();
    for (int k = 1; k <= change.add(); k++) {
      int id = maxId + k;
      String account = "node" + id + "." + ROOT;
      NodeHome nh = new NodeHome(home.resolve("node" + id));
      nh.init(new NodeConfig(account, "127.0.0.1", freePort(), rpcUrl, contract, "127.0.0.1", freePort(), presignaturePoolTarget), random);
      createAccount(root, account, nh.accountKey().publicKey(), NEAR.multiply(BigInteger.valueOf(50)), List.of());
      ArrayNode p = proposed.addArray();
      p.add(account).add(id);
      p.addObject().put("url", "127.0.0.1:" + nh.config().meshPort())
          .put("tls_public_key", "ed25519:" + Base58.encode(nh.meshKey().publicKey()));
      Path nodeLog = home.resolve("logs/node" + id + ".log");
      long pid = change.startNew() ? ChildProcess.start(nodeLog, nodeArgs(nh.dir().toString(), FaultInjection.OFF)) : 0;
      addNodeEntry(nodeList, id, nh, pid, nodeLog);
      if (change.startNew()) {
        log.printf("node %d: pid %d joins%n", id, pid);
      } else {
        log.printf("node %d: registered and proposed, not started (--no-start)%n", id);
      }
    }
    write(d);
    ObjectNode vote = JSON.createObjectNode();
    vote.put("prospective_epoch_id", prospective);
    vote.putObject("proposal").<ObjectNode>set("participants", proposed).put("threshold", threshold);
    int votes = voteAsParticipants(rpc, contract, current, "vote_new_parameters", vote.toString(), st -> st.has("Resharing"));
    log.printf("voted (%d votes): %d participants, threshold %d; resharing into epoch %d...%n",
        votes, proposed.size(), threshold, prospective);
    if (change.waitSeconds() == 0) {
      log.printf("not waiting for the reshare; `chainsig devnet status` shows the phase, `chainsig devnet reshare --cancel` gives it up%n");
      return d;
    }
    Waited reshared = waitUntil(change.waitSeconds(), () -> {
      JsonNode st = rpc.view(contract, "state", "{}");
      return st.has("Running") && st.path("Running").path("epoch").asLong() == prospective;
    });
    if (!reshared.held()) {
      throw new CliException("the reshare into epoch " + prospective + " did not finish within " + change.waitSeconds()
          + " s (the contract is " + rpc.view(contract, "state", "{}").fieldNames().next() + "); a new node that never"
          + " comes up blocks it: cancel it with `chainsig devnet reshare --cancel --home " + home + "`, logs in "
          + home.resolve("logs"));
    }
    for (JsonNode n : nodeList) {
      if (change.remove().contains(n.path("participant_id").asInt())) {
        stopPid(n.path("pid").asLong(), "node " + n.path("participant_id").asInt() + " (left the set)");
      }
    }
    d.put("threshold", threshold);
    write(d);
    log.printf("reshared: epoch %d, root public key unchanged %s%n", prospective, rpc.view(contract, "public_key", "{}").asText());
    return d;
  }

  /**
   * Cancels the running reshare by a vote of the current participants ({@code
   * vote_cancel_resharing}, docs/contract.md): the contract is Running again with the current
   * participants and epoch. The nodes that were to join are stopped and leave devnet.json (their
   * homes and logs stay in the devnet's directory).
   *
   * @throws CliException if the contract is not Resharing
   */
  public ObjectNode cancelReshare() throws Exception {
    Live live = live("Resharing", "there is no reshare to cancel");
    ObjectNode d = live.devnet();
    NearRpcClient rpc = live.rpc();
    String contract = live.contract();
    JsonNode resharing = live.state().path("Resharing");
    long prospective = resharing.path("prospective_epoch_id").asLong(resharing.path("epoch").asLong() + 1);
    JsonNode current = resharing.path("parameters").path("participants");
    Set<Integer> stay = new TreeSet<>();
    current.forEach(p -> stay.add(p.get(1).asInt()));
    Set<Integer> joiners = new TreeSet<>();
    resharing.path("proposed_parameters").path("participants").forEach(p -> joiners.add(p.get(1).asInt()));
    joiners.removeAll(stay);
    int votes = voteAsParticipants(rpc, contract, current, "vote_cancel_resharing", "{}", st -> st.has("Running"));
    JsonNode after = rpc.view(contract, "state", "{}");
    if (!after.has("Running")) {
      throw new CliException("the contract is still " + after.fieldNames().next() + " after " + votes
          + " votes to cancel; see the logs in " + home.resolve("logs"));
    }
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode n : d.path("nodes")) {
      int id = n.path("participant_id").asInt();
      if (joiners.contains(id)) {
        stopPid(n.path("pid").asLong(), "node " + id + " (its join was cancelled)");
        log.printf("node %d leaves devnet.json; its home stays in %s%n", id, n.path("home").asText());
      } else {
        kept.add(n);
      }
    }
    d.set("nodes", kept);
    write(d);
    log.printf("cancelled the reshare into epoch %d (%d votes): Running in epoch %d with participants %s, root public key unchanged %s%n",
        prospective, votes, after.path("Running").path("epoch").asLong(), stay, rpc.view(contract, "public_key", "{}").asText());
    return d;
  }

  /** devnet.json, an RPC client, the contract id, and the contract's {@code state} view. */
  private record Live(ObjectNode devnet, NearRpcClient rpc, String contract, JsonNode state) {}

  /** Reads devnet.json and the contract's state, which must be in {@code phase} (else: "..., {@code otherwise}"). */
  private Live live(String phase, String otherwise) throws Exception {
    ObjectNode d = description();
    NearRpcClient rpc = new NearRpcClient(d.path("rpc_url").asText());
    String contract = d.path("contract_id").asText();
    JsonNode state = rpc.view(contract, "state", "{}");
    if (!state.has(phase)) {
      throw new CliException("the contract is not " + phase + " (" + state.fieldNames().next() + "); " + otherwise);
    }
    return new Live(d, rpc, contract, state);
  }

  /**
   * The current participants vote one after another, each with the account key in its node home,
   * until the contract's state satisfies {@code done}; returns the number of votes sent.
   */
  private int voteAsParticipants(NearRpcClient rpc, String contract, JsonNode participants, String method, String args,
      Predicate<JsonNode> done) throws Exception {
    int votes = 0;
    for (JsonNode p : participants) {
      if (done.test(rpc.view(contract, "state", "{}"))) {
        break;
      }
      NearKeyFile key = new NodeHome(home.resolve("node" + p.get(1).asInt())).accountKey();
      new NearTransactionSender(rpc, key.accountId(), key.publicKey(), key.seed())
          .functionCall(contract, method, args, BigInteger.ZERO);
      votes++;
    }
    return votes;
  }

  /** The highest N of the {@code nodeN} directories, so that a new node never reuses a cancelled node's id. */
  private int highestNodeDirectory() throws IOException {
    try (Stream<Path> dirs = Files.list(home)) {
      return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("node[0-9]{1,6}"))
          .mapToInt(n -> Integer.parseInt(n.substring(4))).max().orElse(0);
    }
  }

  /** Adds node {@code id}'s entry to {@code nodeList} and returns it. */
  private static ObjectNode addNodeEntry(ArrayNode nodeList, int id, NodeHome nh, long pid, Path nodeLog) throws IOException {
    return nodeList.addObject().put("participant_id", id).put("account_id", nh.config().accountId()).put("pid", pid)
        .put("home", nh.dir().toString()).put("log", nodeLog.toString())
        .put("mesh_url", "127.0.0.1:" + nh.config().meshPort())
        .put("metrics_url", "http://127.0.0.1:" + nh.config().httpPort() + "/metrics")
        .put("health_url", "http://127.0.0.1:" + nh.config().httpPort() + "/health");
  }

  private static List<String> nodeArgs(String nodeHome, FaultInjection fault) {
    List<String> args = new ArrayList<>(List.of("node", "--home", nodeHome));
    if (fault.isOn()) {
      args.add("--fault-injection=" + fault.mode());
    }
    return args;
  }

  private NearKeyFile keyFile(String account) throws IOException {
    Path f = home.resolve("accounts/" + account + ".json");
    if (Files.exists(f)) {
      return JSON.readValue(f.toFile(), NearKeyFile.class);
    }
    Files.createDirectories(f.getParent());
    NearKeyFile k = NearKeyFile.generate(account, random);
    Files.write(f, JSON.writeValueAsBytes(k));
    try {
      Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    return k;
  }

  private static void createAccount(NearTransactionSender root, String account, String publicKey, BigInteger amount, List<Action> more)
      throws ChainException {
    createAccount(root, account, List.of(publicKey), amount, more);
  }

  /**
   * Creates {@code account} funded with {@code amount} yocto from the sandbox's root, holding each
   * of {@code publicKeys} as a full-access key (e.g. one per concurrent client: each key has its
   * own nonce).
   */
  public void createAccount(String account, List<String> publicKeys, BigInteger amount) throws IOException, ChainException {
    createAccount(rootSender(), account, publicKeys, amount, List.of());
  }

  private static void createAccount(NearTransactionSender root, String account, List<String> publicKeys, BigInteger amount,
      List<Action> more) throws ChainException {
    List<Action> actions = new ArrayList<>(List.of(new Action.CreateAccount(), new Action.Transfer(amount)));
    for (String publicKey : publicKeys) {
      actions.add(new Action.AddKey(publicKey, new AccessKey(0, new AccessKeyPermission.FullAccess())));
    }
    actions.addAll(more);
    root.send(account, actions, "EXECUTED_OPTIMISTIC");
  }

  /** Stops every process of the devnet. */
  public void down() throws IOException {
    if (!Files.exists(file())) {
      throw new IllegalStateException("no devnet in " + home + " (no devnet.json)");
    }
    JsonNode d = JSON.readTree(file().toFile());
    for (JsonNode n : d.path("nodes")) {
      stopPid(n.path("pid").asLong(), "node " + n.path("participant_id").asInt());
    }
    stopPid(d.path("sandbox").path("pid").asLong(), "sandbox");
  }

  private void stopPid(long pid, String what) {
    if (pid > 0 && ChildProcess.alive(pid)) {
      ChildProcess.stop(pid, 5000);
      log.printf("stopped %s (pid %d)%n", what, pid);
    }
  }

  /** One line per process: alive or not, and the node's health. */
  public List<String> status() throws IOException {
    if (!Files.exists(file())) {
      throw new IllegalStateException("no devnet in " + home + " (no devnet.json)");
    }
    JsonNode d = JSON.readTree(file().toFile());
    List<String> lines = new ArrayList<>();
    long sp = d.path("sandbox").path("pid").asLong();
    String phase = "?";
    int pending = -1;
    try {
      NearRpcClient rpc = new NearRpcClient(d.path("rpc_url").asText());
      phase = rpc.view(d.path("contract_id").asText(), "state", "{}").fieldNames().next();
      pending = rpc.view(d.path("contract_id").asText(), "pending_requests", "{}").size();
    } catch (Exception e) {
      phase = "unreachable";
    }
    lines.add(String.format("sandbox  pid %-8d %-7s rpc %s  contract %s: %s, %d pending",
        sp, ChildProcess.alive(sp) ? "up" : "DOWN", d.path("rpc_url").asText(), d.path("contract_id").asText(), phase, pending));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    for (JsonNode n : d.path("nodes")) {
      long pid = n.path("pid").asLong();
      String health;
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.path("health_url").asText()))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode h = JSON.readTree(r.body());
        health = String.format("%s, %d presignatures, peers %s%s%s", h.path("phase").asText(), h.path("presignatures_owned").asInt(),
            h.path("reachable_peers"),
            h.path("excluded_participants").isEmpty() ? "" : ", excluding " + h.path("excluded_participants"),
            h.hasNonNull("fault_injection") ? ", FAULT INJECTION " + h.path("fault_injection").asText() : "");
      } catch (Exception e) {
        health = "no health answer";
      }
      lines.add(String.format("node %-3d pid %-8d %-7s %s", n.path("participant_id").asInt(), pid,
          ChildProcess.alive(pid) ? "up" : "DOWN", health));
    }
    return lines;
  }

  private static boolean anyAlive(JsonNode d) {
    if (ChildProcess.alive(d.path("sandbox").path("pid").asLong())) {
      return true;
    }
    for (JsonNode n : d.path("nodes")) {
      if (ChildProcess.alive(n.path("pid").asLong())) {
        return true;
      }
    }
    return false;
  }

  private void write(ObjectNode d) throws IOException {
    Path tmp = home.resolve("devnet.json.tmp");
    Files.write(tmp, JSON.writeValueAsBytes(d));
    Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** A condition to wait for. */
  @FunctionalInterface
  interface Check {
    boolean ok() throws Exception;
  }

  private void waitFor(String what, int seconds, Check check) throws Exception {
    Waited w = waitUntil(seconds, check);
    if (!w.held()) {
      throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what
          + (w.lastError() == null ? "" : " (" + w.lastError().getMessage() + ")") + "; see the logs in " + home.resolve("logs"));
    }
  }

  /** How a wait ended: whether the condition held, and the last error a check threw (or null). */
  private record Waited(boolean held, Exception lastError) {}

  /** Polls {@code check} every 200 ms for at most {@code seconds}. */
  private static Waited waitUntil(int seconds, Check check) throws InterruptedException {
    long end = System.currentTimeMillis() + seconds * 1000L;
    Exception last = null;
    while (System.currentTimeMillis() < end) {
      try {
        if (check.ok()) {
          return new Waited(true, null);
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    return new Waited(false, last);
  }

  /**
   * A port nothing listens on now and that this devnet has not handed out before: the system may
   * give the same free port twice in a row (a node's mesh and metrics ports once collided so).
   */
  private int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (portsGiven.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
  }

}
