package io.chainsig.node;

import io.chainsig.near.rpc.ChainException;
import io.chainsig.node.chain.ChainParticipant;
import io.chainsig.node.chain.ContractGateway;
import io.chainsig.node.chain.ContractSnapshot;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.node.chain.RpcContractGateway;
import io.chainsig.near.NearKeyFile;
import io.chainsig.node.config.NodeConfig;
import io.chainsig.node.config.NodeHome;
import io.chainsig.node.http.NodeHttpServer;
import io.chainsig.node.mesh.Backoff;
import io.chainsig.node.mesh.MeshBatch;
import io.chainsig.node.mesh.MeshKeyPair;
import io.chainsig.node.mesh.MeshListener;
import io.chainsig.node.mesh.MeshMessage;
import io.chainsig.node.mesh.MeshPeer;
import io.chainsig.node.mesh.MeshTransport;
import io.chainsig.node.mpc.FaultInjection;
import io.chainsig.node.mpc.MeshOutbox;
import io.chainsig.node.mpc.MpcEngine;
import io.chainsig.storage.EncryptedStore;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.RocksDbStore;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SessionId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running MPC node (docs/node.md): follows the contract, runs the mesh and the engine, serves
 * metrics and health. {@link #run} blocks until the process is stopped.
 */
public final class MpcNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MpcNode.class);
  /** How often the contract is read. */
  static final long POLL_MS = 100;
  /** How often the engine does its housekeeping. */
  static final long TICK_MS = 20;

  private final NodeHome home;
  private final FaultInjection faultInjection;
  /**
   * The engine's thread (the mesh's event loop); the messages its tasks send leave together once the
   * tasks that waited together have run.
   */
  private volatile EngineExecutor engineThread;
  private final ExecutorService io = Executors.newFixedThreadPool(2, named("mpc-io"));
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, named("mpc-timer"));
  private final AtomicReference<List<MeshPeer>> peers = new AtomicReference<>(List.of());
  private final java.util.concurrent.atomic.AtomicBoolean extraReadQueued = new java.util.concurrent.atomic.AtomicBoolean();
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private KeyValueStore store;
  private MeshTransport mesh;
  /** The engine's outgoing messages, used only on the engine thread. */
  private volatile MeshBatch meshBatch;
  private NodeHttpServer http;
  private MpcEngine engine;

  /** A node running from {@code home}. */
  public MpcNode(NodeHome home) {
    this(home, FaultInjection.OFF);
  }

  /**
   * A node running from {@code home} that sends wrong protocol messages as {@code faultInjection}
   * says: a testing aid (docs/node.md, "Fault injection"), {@link FaultInjection#OFF} in operation.
   */
  public MpcNode(NodeHome home, FaultInjection faultInjection) {
    this.home = home;
    this.faultInjection = Objects.requireNonNull(faultInjection, "faultInjection");
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts everything; returns once the node is running (call {@link #close()} to stop). */
  public MpcNode start() throws Exception {
    NodeConfig config = home.config();
    NearKeyFile accountKey = home.accountKey();
    MeshKeyPair meshKey = home.meshKey();
    SecureRandom random = engineRandom();
    if (faultInjection.isOn()) {
      LOG.warn("*** FAULT INJECTION IS ON (mode {}): this node deliberately sends wrong {} protocol messages."
          + " A testing aid only: the other nodes will abort, blame and exclude it. Never run a real node like this. ***",
          faultInjection, faultInjection);
    }
    store = new EncryptedStore(RocksDbStore.open(home.dataDir()), home.storageKey(), random);
    NearRpcClient rpc = new NearRpcClient(config.rpcUrl());
    ContractGateway gateway =
        new RpcContractGateway(rpc, config.contractId(),
            new NearTransactionSender(rpc, config.accountId(), accountKey.publicKey(), accountKey.seed()));

    ChainParticipant self = waitForParticipation(gateway, config.accountId());
    ParticipantId me = ParticipantId.of(self.participantId());
    LOG.info("node {} is participant {} (mesh {})", config.accountId(), me.value(), self.url());

    AtomicReference<MeshTransport> meshRef = new AtomicReference<>();
    MeshOutbox outbox = new MeshOutbox() {
      @Override
      public boolean send(ParticipantId to, SessionId session, byte[] payload) {
        return meshBatch.send(to.value(), new MeshMessage(session.bytes(), payload));
      }

      private Set<Integer> lastConnected;
      private Set<ParticipantId> lastReachable = Set.of();

      /** Mapped again only when the mesh's set changed (it is replaced, never changed in place). */
      @Override
      public synchronized Set<ParticipantId> reachable() {
        Set<Integer> now = meshRef.get().connectedPeers();
        if (now != lastConnected) {
          lastReachable = now.stream().map(ParticipantId::of).collect(Collectors.toUnmodifiableSet());
          lastConnected = now;
        }
        return lastReachable;
      }
    };
    mesh = new MeshTransport(me.value(), meshKey, config.meshHost(), config.meshPort(), peers::get,
        new MeshListener() {
          @Override
          public void onMessage(int from, MeshMessage message) {
            onMessages(from, List.of(message));
          }

          /** One engine task for all of them, so the replies they cause leave together too. */
          @Override
          public void onMessages(int from, List<MeshMessage> messages) {
            List<SessionId> sessions = new ArrayList<>(messages.size());
            List<byte[]> payloads = new ArrayList<>(messages.size());
            for (MeshMessage message : messages) {
              try {
                sessions.add(SessionId.of(message.sessionId()));
                payloads.add(message.payload());
              } catch (IllegalArgumentException e) {
                LOG.warn("participant {} sent a message with a malformed session id", from);
              }
            }
            if (sessions.isEmpty()) {
              return;
            }
            ParticipantId sender = ParticipantId.of(from);
            engineThread.execute(() -> {
              for (int i = 0; i < sessions.size(); i++) {
                try {
                  engine.onMessage(sender, sessions.get(i), payloads.get(i));
                } catch (RuntimeException e) {
                  // As when each message was its own task: one failure does not cost the others.
                  LOG.error("the engine failed on a message from participant {}", from, e);
                }
              }
            });
          }

          @Override
          public void onRefused(int participant, String remote, String reason) {
            metrics.counter("chainsig_mesh_refused_total").increment();
          }
        }, Backoff.DEFAULT);
    meshRef.set(mesh);
    meshBatch = mesh.newBatch();
    engineThread = new EngineExecutor(mesh.eventLoop(), this::flushMesh);
    MeshOutbox engineOut = faultInjection.wrap(outbox);
    engineThread.submit(() -> engine = new MpcEngine(me, config.accountId(), engineOut, store, gateway, io, engineThread,
        random, System::nanoTime, config.presignaturePoolTarget(), metrics, () -> readContractSoon(gateway))).get();
    mesh.start();
    http = new NodeHttpServer(config.httpHost(), config.httpPort(), metrics, this::health);
    timers.scheduleWithFixedDelay(() -> poll(gateway), 0, POLL_MS, TimeUnit.MILLISECONDS);
    engineThread.scheduleAtFixedRate(engine::tick, TICK_MS);
    LOG.info("node running: mesh port {}, metrics http://{}:{}/metrics", mesh.port(), config.httpHost(), http.port());
    return this;
  }

  /** After every engine task: the messages it sent leave now. */
  private void flushMesh() {
    MeshBatch batch = meshBatch;
    if (batch != null) {
      batch.flush();
    }
  }

  private ChainParticipant waitForParticipation(ContractGateway gateway, String account) throws InterruptedException {
    long delay = 200;
    while (true) {
      try {
        ContractSnapshot s = gateway.read();
        Optional<ChainParticipant> p = allParticipants(s).stream().filter(x -> x.accountId().equals(account)).findFirst();
        if (p.isPresent()) {
          peers.set(allParticipants(s).stream().map(ChainParticipant::toMeshPeer).toList());
          return p.get();
        }
        LOG.info("waiting: {} is not (yet) a participant of the contract ({})", account, s.phase());
      } catch (ChainException e) {
        LOG.info("waiting for the contract: {}", e.getMessage());
      }
      Thread.sleep(delay);
      delay = Math.min(delay * 2, 5000);
    }
  }

  /**
   * An extra reading of the contract on the timer thread, so readings reach the engine in the
   * order they were taken; requests made while one is queued share it.
   */
  private void readContractSoon(ContractGateway gateway) {
    if (extraReadQueued.compareAndSet(false, true)) {
      timers.execute(() -> {
        extraReadQueued.set(false);
        poll(gateway);
      });
    }
  }

  private void poll(ContractGateway gateway) {
    try {
      ContractSnapshot s = gateway.read();
      List<MeshPeer> next = allParticipants(s).stream().map(ChainParticipant::toMeshPeer).toList();
      if (!next.equals(peers.get()) && !next.isEmpty()) {
        peers.set(next);
        mesh.refreshPeers();
      }
      engineThread.execute(() -> engine.onSnapshot(s));
    } catch (ChainException e) {
      LOG.debug("reading the contract failed: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("reading the contract failed: {}", e.toString());
    }
  }

  /** Current participants plus, while resharing, the ones joining (they must reach each other). */
  private static List<ChainParticipant> allParticipants(ContractSnapshot s) {
    List<ChainParticipant> all = new ArrayList<>(s.participants());
    s.proposed().ifPresent(p -> p.participants().forEach(x -> {
      if (all.stream().noneMatch(y -> y.participantId() == x.participantId())) {
        all.add(x);
      }
    }));
    return all;
  }

  private Map<String, Object> health() {
    try {
      Map<String, Object> h = engineThread.submit(() -> engine.health()).get(2, TimeUnit.SECONDS);
      if (faultInjection.isOn()) {
        h.put("fault_injection", faultInjection.mode());
      }
      return h;
    } catch (Exception e) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("status", "unresponsive");
      return h;
    }
  }

  /**
   * The engine's randomness: a NIST SP 800-90A DRBG (the JDK's {@code DRBG}, 256-bit strength,
   * seeded and reseeded from the operating system). The default {@code NativePRNG} reads
   * {@code /dev/urandom} under a process-wide lock on every call, and presigning asks for a few
   * dozen scalars per presignature: 2% of the engine's samples under load (docs/performance.md).
   */
  static SecureRandom engineRandom() {
    try {
      return SecureRandom.getInstance("DRBG", java.security.DrbgParameters.instantiation(
          256, java.security.DrbgParameters.Capability.RESEED_ONLY,
          "chainsig-node-engine".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no DRBG", e);
    }
  }

  /** Blocks until interrupted (SIGINT/SIGTERM end the process through the shutdown hook). */
  public void awaitTermination() throws InterruptedException {
    Thread.currentThread().join();
  }

  @Override
  public void close() {
    timers.shutdownNow();
    if (http != null) {
      http.close();
    }
    if (mesh != null) {
      mesh.close(); // also ends the engine's thread, after the task it is running
    }
    io.shutdownNow();
    if (store != null) {
      store.close();
    }
  }
}
