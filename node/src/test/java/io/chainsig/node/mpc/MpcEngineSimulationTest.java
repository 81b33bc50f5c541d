package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.CallOutcome;
import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.node.chain.ContractGateway;
import io.chainsig.storage.InMemoryStore;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SessionId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;

/**
 * Five engines, an in-memory wire and the real contract state machine in one process: key
 * generation, the presignature pool and signing, with a node down, with a reshare, and with a node
 * that sends wrong protocol messages. Every signature is checked with web3j against the key the
 * derivation module computes.
 */
class MpcEngineSimulationTest {
  private final SecureRandom random = new SecureRandom();
  private final InProcessContract contract = new InProcessContract();
  private final Map<Integer, SimNode> nodes = new HashMap<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  /** Every presign and sign proposal sent on the wire, by session. */
  private final Map<SessionId, SessionProposal> proposals = new ConcurrentHashMap<>();
  /** Every presign proposal sent on the wire, in the order sent (one entry per proposal, not per recipient). */
  private final List<SessionProposal.Presign> presignProposals = java.util.Collections.synchronizedList(new ArrayList<>());
  /** The presignature pool target of every node. */
  private int poolTarget = 6;

  private final class SimNode implements MeshOutbox {
    final ParticipantId id;
    final String account;
    final ExecutorService thread = Executors.newSingleThreadExecutor();
    final ExecutorService io = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final InMemoryStore store = new InMemoryStore();
    volatile boolean down;
    /** Reachable, but sends nothing and everything sent to it is lost (a peer that hangs). */
    volatile boolean silent;
    FaultInjection fault = FaultInjection.OFF;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    MpcEngine engine;

    SimNode(int id) {
      this.id = ParticipantId.of(id);
      this.account = "node" + id + ".test.near";
      executors.addAll(List.of(thread, io, timer));
    }

    /** Creates the engine and waits for it, so that no message reaches this node before it exists. */
    void create() throws Exception {
      thread.submit(() -> engine = newEngine(metrics)).get(30, TimeUnit.SECONDS);
    }

    /** Creates the engine, then polls the contract and ticks it. */
    void start() throws Exception {
      create();
      run();
    }

    /** Polls the contract and ticks the engine. */
    void run() {
      timer.scheduleAtFixedRate(() -> thread.execute(() -> {
        if (!down) {
          engine.tick();
        }
      }), 20, 20, TimeUnit.MILLISECONDS);
      timer.scheduleAtFixedRate(this::poll, 10, 50, TimeUnit.MILLISECONDS);
    }

    /** One reading of the contract, on the timer thread (so readings arrive in order). */
    private void poll() {
      if (down) {
        return;
      }
      try {
        var snap = contract.gatewayFor(account).read();
        thread.execute(() -> engine.onSnapshot(snap));
      } catch (Exception e) {
        // next poll
      }
    }

    /** A new engine on the same store, as after a process restart. */
    void restart() {
      thread.execute(() -> engine = newEngine(new SimpleMeterRegistry()));
    }

    private MpcEngine newEngine(SimpleMeterRegistry registry) {
      return new MpcEngine(id, account, fault.wrap(this), store, contract.gatewayFor(account), io, thread,
          random, System::nanoTime, poolTarget, registry, () -> timer.execute(this::poll));
    }

    /** The epochs of the key shares in the node's store. */
    List<Long> shareEpochs() {
      return store.scan("keyshare/".getBytes(StandardCharsets.US_ASCII)).keySet().stream()
          .map(k -> ByteBuffer.wrap(k.bytes(), "keyshare/".length(), 8).getLong()).sorted().toList();
    }

    /** The engine's health, read on the engine's thread. */
    Map<String, Object> health() {
      try {
        return thread.submit(() -> engine.health()).get();
      } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("node " + id + " did not answer", e);
      }
    }

    @Override
    public boolean send(ParticipantId to, SessionId session, byte[] payload) {
      SimNode target = nodes.get(to.value());
      if (down || target == null || target.down) {
        return false;
      }
      if (silent || target.silent) {
        return true;
      }
      SessionMessage m = SessionMessage.decode(payload);
      if (m.kind() == SessionMessage.PROPOSAL) {
        SessionProposal p = SessionProposal.decode(m.body());
        if (!(p instanceof SessionProposal.ReshareKey) && proposals.put(session, p) == null
            && p instanceof SessionProposal.Presign pre) {
          presignProposals.add(pre);
        }
      }
      target.thread.execute(() -> {
        if (!target.down) {
          target.engine.onMessage(id, session, payload);
        }
      });
      return true;
    }

    /** The participants this node's engine excludes now (docs/node.md step 12). */
    Set<Integer> excluded() throws Exception {
      Object ids = thread.submit(() -> engine.health().get("excluded_participants")).get(5, TimeUnit.SECONDS);
      Set<Integer> out = new HashSet<>();
      ((List<?>) ids).forEach(i -> out.add((Integer) i));
      return out;
    }

    double counted(String name, String tag, String value) {
      var c = metrics.find(name).tag(tag, value).counter();
      return c == null ? 0 : c.count();
    }

    @Override
    public Set<ParticipantId> reachable() {
      Set<ParticipantId> out = new HashSet<>();
      if (down) {
        return out;
      }
      nodes.values().forEach(n -> {
        if (n != this && !n.down) {
          out.add(n.id);
        }
      });
      return out;
    }
  }

  @AfterEach
  void stop() {
    executors.forEach(ExecutorService::shutdownNow);
  }

  private static void await(String what, BooleanSupplier cond) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  private static String parameters(List<Integer> ids, int threshold) {
    StringBuilder parts = new StringBuilder();
    for (int i : ids) {
      parts.append(parts.length() > 0 ? "," : "").append("[\"node").append(i).append(".test.near\",").append(i)
          .append(",{\"url\":\"127.0.0.1:").append(7000 + i).append("\",\"tls_public_key\":\"ed25519:11111111111111111111111111111111\"}]");
    }
    return "{\"participants\":[" + parts + "],\"threshold\":" + threshold + "}";
  }

  private void initNetwork(int n, int threshold) throws Exception {
    initNetwork(n, threshold, Map.of());
  }

  /** Nodes 1..n, those in {@code faults} sending wrong messages, and the contract initialised with them. */
  private void initNetwork(int n, int threshold, Map<Integer, FaultInjection> faults) throws Exception {
    List<Integer> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      nodes.put(i, new SimNode(i));
      nodes.get(i).fault = faults.getOrDefault(i, FaultInjection.OFF);
      ids.add(i);
    }
    contract.call("signer.test.near", "init",
        "{\"parameters\":" + parameters(ids, threshold) + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}",
        BigInteger.ZERO);
    for (SimNode node : nodes.values()) {
      node.create();
    }
    nodes.values().forEach(SimNode::run);
  }

  private String sign(String account, String path, byte[] payload) {
    CallOutcome o = contract.call(account, "sign",
        "{\"request\":{\"path\":\"" + path + "\",\"payload_v2\":{\"Ecdsa\":\"" + Hex.encode(payload) + "\"},\"domain_id\":0}}",
        BigInteger.ONE);
    assertThat(o).isInstanceOf(CallOutcome.Pending.class);
    return Hex.encode(payload);
  }

  /** Sends {@code count} sign requests with random payloads and waits until all are answered. */
  private void signAndAwait(Map<String, String[]> asked, int count, String prefix) throws InterruptedException {
    int before = contract.answers.size();
    for (int i = 0; i < count; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      String account = i % 2 == 0 ? "alice.test.near" : "bob.test.near";
      String path = prefix + "-" + asked.size();
      asked.put(sign(account, path, payload), new String[] {account, path});
    }
    await(count + " answers", () -> contract.answers.size() >= before + count);
  }

  private void assertAllAnsweredAndValid(Map<String, String[]> asked) {
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(contract.view("public_key").replace("\"", ""));
    Set<String> answered = new HashSet<>();
    for (InProcessContract.Answer a : contract.answers) {
      String[] who = asked.get(a.request().payloadHex());
      assertThat(who).as("answer for a request nobody made").isNotNull();
      assertThat(answered.add(a.request().payloadHex())).as("request answered twice").isTrue();
      Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root, NearAccountId.of(who[0]), who[1]);
      assertThat(a.signature().s().value()).isLessThanOrEqualTo(Secp256k1.HALF_N);
      BigInteger recovered = org.web3j.crypto.Sign.recoverFromSignature(a.signature().recoveryId(),
          new ECDSASignature(a.signature().r().value(), a.signature().s().value()), Hex.decode(a.request().payloadHex()));
      assertThat(recovered).as("web3j recovers the derived key").isEqualTo(new BigInteger(1, derived.point().toXy()));
    }
    assertThat(answered).containsExactlyInAnyOrderElementsOf(asked.keySet());
  }

  @Test
  void reshareFromFiveToSevenNodesKeepsTheKeyAndSigning() throws Exception {
    initNetwork(5, 2);
    await("key generation", () -> contract.view("state").contains("\"Running\""));
    String key = contract.view("public_key");
    Map<String, String[]> asked = new HashMap<>();
    byte[] first = new byte[32];
    random.nextBytes(first);
    asked.put(sign("alice.test.near", "before", first), new String[] {"alice.test.near", "before"});
    await("an answer before the reshare", () -> contract.answers.size() >= 1);

    // Two nodes join; the threshold goes from 2 (t=1, 3 signers) to 3 (t=2, 5 signers).
    nodes.put(6, new SimNode(6));
    nodes.put(7, new SimNode(7));
    for (int i = 6; i <= 7; i++) {
      nodes.get(i).create();
      nodes.get(i).run();
    }
    String proposal = parameters(List.of(1, 2, 3, 4, 5, 6, 7), 3);
    for (int i = 1; i <= 2; i++) {
      contract.call("node" + i + ".test.near", "vote_new_parameters",
          "{\"prospective_epoch_id\":1,\"proposal\":" + proposal + "}", BigInteger.ZERO);
    }
    assertThat(contract.view("state")).contains("\"Resharing\"");
    await("the reshare", () -> contract.view("state").contains("\"Running\"") && contract.view("state").contains("\"epoch\":1"));
    assertThat(contract.view("public_key")).isEqualTo(key);
    for (int i = 0; i < 6; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      asked.put(sign("bob.test.near", "after-" + i, payload), new String[] {"bob.test.near", "after-" + i});
    }
    await("answers after the reshare", () -> contract.answers.size() >= 7);
    Thread.sleep(300);
    assertAllAnsweredAndValid(asked);
  }

  private void vote(List<Integer> voters, String method, String args) {
    for (int i : voters) {
      contract.call("node" + i + ".test.near", method, args, BigInteger.ZERO);
    }
  }

  private void signAndAwait(Map<String, String[]> asked, String prefix, int count) throws InterruptedException {
    int before = contract.answers.size();
    for (int i = 0; i < count; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      asked.put(sign("carol.test.near", prefix + i, payload), new String[] {"carol.test.near", prefix + i});
    }
    await(count + " answers (" + prefix + ")", () -> contract.answers.size() >= before + count);
  }

  private static int owned(SimNode n) {
    return (Integer) n.health().get("presignatures_owned");
  }

  /** node.md steps 8-11: a reshare every node finished is cancelled before the contract confirms it. */
  @Test
  void aFinishedButCancelledReshareLeavesTheOldSharesInUseAndTheNextReshareGetsAFreshEpoch() throws Exception {
    initNetwork(3, 2);
    await("key generation", () -> contract.view("state").contains("\"Running\""));
    String key = contract.view("public_key");
    Map<String, String[]> asked = new HashMap<>();
    signAndAwait(asked, "before-", 1);
    await("presignatures at node 1", () -> owned(nodes.get(1)) > 0);

    // Node 4 joins; every node finishes the protocol but no vote_reshared reaches the chain.
    contract.dropVoteReshared = true;
    nodes.put(4, new SimNode(4));
    nodes.get(4).start();
    vote(List.of(1, 2), "vote_new_parameters", "{\"prospective_epoch_id\":1,\"proposal\":" + parameters(List.of(1, 2, 3, 4), 2) + "}");
    await("every node to hold a share for epoch 1", () -> nodes.values().stream().allMatch(n -> n.shareEpochs().contains(1L)));
    for (int i = 1; i <= 3; i++) {
      assertThat(nodes.get(i).shareEpochs()).as("node %d keeps its old share until the contract confirms", i).containsExactly(0L, 1L);
    }
    int ownedAtNode1 = owned(nodes.get(1));
    assertThat(ownedAtNode1).as("presignatures of the share still in use are kept").isPositive();
    // A node restarting now loads both shares and still follows the contract.
    nodes.get(2).restart();

    vote(List.of(1, 3), "vote_cancel_resharing", "{}");
    assertThat(contract.view("state")).startsWith("{\"Running\":{\"epoch\":0,");
    await("the cancelled epoch's shares to go", () -> nodes.values().stream().noneMatch(n -> n.shareEpochs().contains(1L)));
    for (int i = 1; i <= 3; i++) {
      assertThat(nodes.get(i).shareEpochs()).containsExactly(0L);
    }
    assertThat(nodes.get(4).shareEpochs()).as("the joiner that never became a participant holds nothing").isEmpty();
    assertThat(owned(nodes.get(1))).as("no presignature was discarded").isGreaterThanOrEqualTo(ownedAtNode1);
    signAndAwait(asked, "after-cancel-", 4);
    assertThat(contract.answers).allMatch(a -> !a.responder().equals("node4.test.near"));

    // The next reshare is into epoch 2 (1 is burnt) and works as usual.
    contract.dropVoteReshared = false;
    vote(List.of(2, 3), "vote_new_parameters", "{\"prospective_epoch_id\":2,\"proposal\":" + parameters(List.of(1, 2, 3, 4), 2) + "}");
    await("the reshare into epoch 2", () -> contract.view("state").startsWith("{\"Running\":{\"epoch\":2,"));
    await("the old shares to go", () -> nodes.values().stream().allMatch(n -> n.shareEpochs().equals(List.of(2L))));
    assertThat(contract.view("public_key")).isEqualTo(key);
    signAndAwait(asked, "after-reshare-", 4);
    Thread.sleep(300);
    assertAllAnsweredAndValid(asked);
  }

  /** node.md step 10: a reshare session waiting for a joiner that hangs stops at the cancellation. */
  @Test
  void aCancellationStopsTheReshareSessionAtOnceAndKeepsThePresignatures() throws Exception {
    initNetwork(3, 2);
    await("key generation", () -> contract.view("state").contains("\"Running\""));
    await("full presignature pools", () -> {
      for (int i = 1; i <= 3; i++) {
        if (owned(nodes.get(i)) < 6 || (Integer) nodes.get(i).health().get("sessions_running") > 0) {
          return false;
        }
      }
      return true;
    });
    nodes.put(4, new SimNode(4));
    nodes.get(4).silent = true;
    nodes.get(4).start();
    vote(List.of(1, 2), "vote_new_parameters", "{\"prospective_epoch_id\":1,\"proposal\":" + parameters(List.of(1, 2, 3, 4), 2) + "}");
    long resharingSince = System.nanoTime();
    await("the reshare sessions to start", () -> (Integer) nodes.get(1).health().get("sessions_running") > 0);

    vote(List.of(2, 3), "vote_cancel_resharing", "{}");
    await("the reshare sessions to stop", () -> {
      for (int i = 1; i <= 3; i++) {
        if ((Integer) nodes.get(i).health().get("sessions_running") > 0) {
          return false;
        }
      }
      return true;
    });
    assertThat(System.nanoTime() - resharingSince).as("stopped by the cancellation, not by the session timeout")
        .isLessThan(MpcEngine.SESSION_TIMEOUT_NANOS);
    for (int i = 1; i <= 3; i++) {
      assertThat(owned(nodes.get(i))).as("node %d keeps its pool", i).isEqualTo(6);
      assertThat(nodes.get(i).shareEpochs()).containsExactly(0L);
    }
    Map<String, String[]> asked = new HashMap<>();
    signAndAwait(asked, "after-cancel-", 3);
    Thread.sleep(300);
    assertAllAnsweredAndValid(asked);
  }

  /**
   * node.md step 5: the chain loses the block holding a request every node has seen (a crash) and
   * the caller sends it again: the same request id with a new block's entropy. The nodes must sign
   * the request as it is now; a leader proposing the old entropy is refused by every follower.
   */
  @Test
  void aRequestTheChainLostAndGotAgainWithNewEntropyIsAnswered() throws Exception {
    initNetwork(5, 2);
    await("key generation", () -> contract.view("state").contains("\"Running\""));
    for (int i = 3; i <= 5; i++) {
      nodes.get(i).silent = true; // reachable, but no signature can be made
    }
    byte[] beforeTheBlock = contract.saveState();
    byte[] payload = new byte[32];
    random.nextBytes(payload);
    Map<String, String[]> asked = new HashMap<>();
    asked.put(sign("alice.test.near", "lost", payload), new String[] {"alice.test.near", "lost"});
    String firstEntropy = contract.view("pending_requests");
    await("every node to see the request", () -> nodes.values().stream().allMatch(n -> (Integer) n.health().get("pending_requests") == 1));
    contract.restoreThen(beforeTheBlock, () -> sign("alice.test.near", "lost", payload));
    assertThat(contract.view("pending_requests")).isNotEqualTo(firstEntropy);
    nodes.values().forEach(n -> n.silent = false);
    await("the request sent again to be answered", () -> contract.answers.size() >= 1);
    Thread.sleep(300);
    assertAllAnsweredAndValid(asked);
    assertThat(contract.view("pending_requests")).isEqualTo("[]");
  }

  @Test
  void fiveNodesGenerateAKeyAndSignEveryRequestEvenWithOneDown() throws Exception {
    initNetwork(5, 2);
    await("key generation and votes", () -> contract.view("state").contains("\"Running\""));
    Map<String, String[]> asked = new HashMap<>();
    String[] accounts = {"alice.test.near", "bob.test.near", "carol.test.near"};
    for (int i = 0; i < 15; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      String account = accounts[i % 3];
      String path = "path-" + i;
      asked.put(sign(account, path, payload), new String[] {account, path});
    }
    await("15 answers", () -> contract.answers.size() >= 15);

    nodes.get(3).down = true;
    for (int i = 15; i < 30; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      String account = accounts[i % 3];
      String path = "path-" + i;
      asked.put(sign(account, path, payload), new String[] {account, path});
    }
    await("30 answers with node 3 down", () -> contract.answers.size() >= 30);
    Thread.sleep(300); // a late duplicate respond would show up here
    assertAllAnsweredAndValid(asked);
    assertThat(contract.view("pending_requests")).isEqualTo("[]");
  }

  /**
   * docs/node.md step 12 with a node that sends wrong protocol messages (5 nodes, threshold 2, so
   * signer sets of 3 and sets without the faulty node exist): the honest nodes abort, count the
   * aborts against it, exclude it, and go on signing with sets that leave it out.
   */
  private void faultyNodeIsExcludedAndSigningGoesOn(FaultInjection mode) throws Exception {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    ch.qos.logback.classic.Logger healthLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ParticipantHealth.class);
    ch.qos.logback.classic.Logger engineLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MpcEngine.class);
    healthLog.addAppender(logged);
    engineLog.addAppender(logged);
    try {
      initNetwork(5, 2, Map.of(3, mode));
      await("key generation with the faulty node", () -> contract.view("state").contains("\"Running\""));

      // Sign until every honest node has excluded node 3 (a faulty presign is seen by all its
      // signers, a faulty signature share only by the leader, so this takes a few rounds).
      Map<String, String[]> asked = new HashMap<>();
      List<SimNode> honest = List.of(nodes.get(1), nodes.get(2), nodes.get(4), nodes.get(5));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!allExclude(honest, 3)) {
        assertThat(System.nanoTime()).as("every honest node excludes node 3 within 120 s").isLessThan(end);
        signAndAwait(asked, 5, "before");
      }
      for (SimNode n : honest) {
        assertThat(n.excluded()).as("node %s excludes node 3 and no honest node", n.id).containsExactly(3);
        assertThat(n.counted("chainsig_exclusions_total", "participant", "3")).isEqualTo(1.0);
        assertThat(n.counted("chainsig_aborts_total", "protocol", mode.mode())).isPositive();
      }
      assertThat(nodes.get(3).excluded()).as("the faulty node itself sees nothing wrong").isEmpty();
      assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().matches(
          "(presign|sign) with signers \\[.*P3.*\\] aborted: .*failures: .*P3=\\d/3.*"));
      assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().startsWith("participant P3 excluded from new signer sets"));

      // Afterwards: every set the honest nodes propose leaves node 3 out, and every request is answered.
      proposals.clear();
      signAndAwait(asked, 10, "after");
      Thread.sleep(300); // a late duplicate respond would show up here
      assertAllAnsweredAndValid(asked);
      List<SessionProposal> byHonest = proposals.values().stream().filter(p -> p.initiator().value() != 3).toList();
      assertThat(byHonest).as("honest nodes kept signing").anyMatch(p -> p instanceof SessionProposal.Sign);
      assertThat(byHonest).allSatisfy(p -> assertThat(p.participants().contains(ParticipantId.of(3))).as("%s", p).isFalse());
    } finally {
      healthLog.detachAppender(logged);
      engineLog.detachAppender(logged);
    }
  }

  private static boolean allExclude(List<SimNode> honest, int culprit) throws Exception {
    for (SimNode n : honest) {
      if (!n.excluded().contains(culprit)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void aNodeSendingWrongPresignNoncesIsExcludedAndTheOthersKeepSigning() throws Exception {
    faultyNodeIsExcludedAndSigningGoesOn(FaultInjection.PRESIGN);
  }

  @Test
  void aNodeSendingWrongSignatureSharesIsExcludedAndTheOthersKeepSigning() throws Exception {
    faultyNodeIsExcludedAndSigningGoesOn(FaultInjection.SIGN);
  }

  /**
   * docs/node.md step 4: the pool fills with presign batches (up to 8 presignatures per session,
   * fewer when the pool needs fewer, at most 3 sessions at once), every presignature of a batch is
   * used for at most one signature (the use records of every node's store agree), and a proposal
   * with a count outside 1..16 is refused and starts nothing.
   */
  @Test
  void poolsFillWithBatchesAndEveryPresignatureOfABatchIsUsedAtMostOnce() throws Exception {
    poolTarget = 20;
    initNetwork(5, 2);
    await("key generation", () -> contract.view("state").contains("\"Running\""));
    await("full presignature pools", () -> {
      for (SimNode n : nodes.values()) {
        if (owned(n) < 20 || (Integer) n.health().get("sessions_running") > 0) {
          return false;
        }
      }
      return true;
    });
    for (SimNode n : nodes.values()) {
      assertThat(owned(n)).isEqualTo(20);
      List<Integer> counts = presignProposals.stream().filter(p -> p.initiator().equals(n.id)).map(SessionProposal.Presign::count).toList();
      assertThat(counts).as("node %s fills its pool of 20 with batches of 8, 8 and 4", n.id).containsExactlyInAnyOrder(8, 8, 4);
    }
    // Threshold 2 (t = 1): each of the 5 x 20 presignatures is made by 3 nodes, each stores its part.
    assertThat(nodes.values().stream().mapToDouble(n -> n.metrics.counter("chainsig_presignatures_made_total").count()).sum())
        .isEqualTo(300.0);

    // A peer's proposal with a count outside 1..16 is refused: logged, blamed, nothing started or stored.
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    ch.qos.logback.classic.Logger engineLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MpcEngine.class);
    engineLog.addAppender(logged);
    SimNode one = nodes.get(1);
    int storedBefore = one.store.scan("presig/".getBytes(StandardCharsets.US_ASCII)).size();
    try {
      for (int count : new int[] {0, 17, 255}) {
        SessionProposal.Presign valid = new SessionProposal.Presign(ParticipantId.of(2), io.chainsig.tss.ParticipantSet.ofRange(5), 0, new byte[16], 1);
        byte[] body = valid.encode();
        body[body.length - 1] = (byte) count;
        byte[] payload = new SessionMessage(SessionMessage.PROPOSAL, body).encode();
        one.thread.submit(() -> one.engine.onMessage(ParticipantId.of(2), valid.sessionId(), payload)).get(5, TimeUnit.SECONDS);
        assertThat(logged.list).anyMatch(e -> e.getFormattedMessage()
            .equals("participant P2 sent malformed proposal: presign count " + count + " is not in 1..16"));
      }
    } finally {
      engineLog.detachAppender(logged);
    }
    assertThat(one.counted("chainsig_blamed_total", "participant", "2")).isEqualTo(3.0);
    assertThat((Integer) one.health().get("sessions_running")).isZero();
    assertThat(one.store.scan("presig/".getBytes(StandardCharsets.US_ASCII))).hasSize(storedBefore);

    Map<String, String[]> asked = new HashMap<>();
    signAndAwait(asked, 30, "batched");
    Thread.sleep(300);
    assertAllAnsweredAndValid(asked);

    // The audit: per (owner, presignature id), every use on every node names one sign session and request.
    Map<String, Set<String>> sessionsByPresignature = new HashMap<>();
    Map<String, Integer> ledBy = new HashMap<>();
    for (SimNode n : nodes.values()) {
      new io.chainsig.node.store.PresignatureStore(n.store).uses().forEach((key, use) -> {
        sessionsByPresignature.computeIfAbsent(key, k -> new HashSet<>()).add(use.sessionIdHex() + "/" + use.requestIdHex() + "/" + use.entropyHex());
        if (use.kind() == io.chainsig.node.store.PresignatureUse.Kind.LED) {
          ledBy.merge(key, 1, Integer::sum);
        }
      });
    }
    assertThat(ledBy).as("presignatures led with").hasSizeGreaterThanOrEqualTo(30);
    ledBy.forEach((key, times) -> assertThat(times).as("%s led once", key).isEqualTo(1));
    sessionsByPresignature.forEach((key, uses) -> assertThat(uses).as("the uses of %s", key).hasSize(1));
    Set<String> requests = new HashSet<>();
    sessionsByPresignature.values().forEach(uses -> requests.add(uses.iterator().next().split("/")[1]));
    assertThat(requests).as("every request signed, each with its own presignature").hasSizeLessThanOrEqualTo(ledBy.size()).hasSize(30);
  }
}
