package io.chainsig.node.mpc;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.node.chain.ChainParticipant;
import io.chainsig.node.chain.ContractGateway;
import io.chainsig.node.chain.ContractPhase;
import io.chainsig.node.chain.ContractSnapshot;
import io.chainsig.node.chain.PendingSign;
import io.chainsig.node.chain.ResponseBatcher;
import io.chainsig.node.chain.RequestSignature;
import io.chainsig.storage.Key;
import io.chainsig.storage.KeyValueStore;
import io.chainsig.storage.WriteOp;
import io.chainsig.node.store.PresignatureStore;
import io.chainsig.node.store.PresignatureUse;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.Presign;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.ecdsa.Sign;
import io.chainsig.tss.ecdsa.SignRequest;
import io.chainsig.tss.keygen.KeyGeneration;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.keygen.KeyShareEncoding;
import io.chainsig.tss.keygen.PublicKeyShares;
import io.chainsig.tss.keygen.PublicKeySharesEncoding;
import io.chainsig.tss.keygen.Reshare;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MPC engine of one node (docs/node.md). Single-threaded: the node calls every method from one
 * thread. Inputs are contract snapshots, mesh messages and ticks; outputs are mesh messages and
 * contract calls (run on {@code io}, with results posted back through {@code self}).
 */
public final class MpcEngine {
  private static final Logger LOG = LoggerFactory.getLogger(MpcEngine.class);
  private static final byte[] KEYSHARE_PREFIX = "keyshare/".getBytes(StandardCharsets.US_ASCII);

  /** Keygen waits this long before a new attempt after an abort. */
  static final long KEYGEN_RETRY_NANOS = 1_000_000_000L;
  /** A session that has not finished by then is aborted (a peer died or lied). */
  static final long SESSION_TIMEOUT_NANOS = 20_000_000_000L;
  /** Presign takes three rounds and sign one: they fail fast so the work moves to other sets. */
  static final long PRESIGN_TIMEOUT_NANOS = 10_000_000_000L;
  static final long SIGN_TIMEOUT_NANOS = 3_000_000_000L;
  /** How long a sign proposal may wait for this node's part of its presignature to be stored. */
  static final long PRESIGNATURE_WAIT_NANOS = 5_000_000_000L;
  /** After this long without a response, the next live candidate leads a request. */
  static final long LEADER_TIMEOUT_NANOS = 8_000_000_000L;
  /** Messages for sessions not opened yet are kept this long (their proposal may be late). */
  static final long EARLY_TTL_NANOS = 20_000_000_000L;
  /** A response the chain accepted but whose request is still pending after this is sent again. */
  static final long RESPOND_CONFIRM_NANOS = 5_000_000_000L;
  /** Bounds what a faulty peer can make us buffer: sessions and messages per session. */
  static final int MAX_EARLY_SESSIONS = 512;
  static final int MAX_EARLY_PER_SESSION = 64;
  /**
   * Presign sessions this node starts at once, and runs it joins for others at once. Each of its
   * own sessions makes up to {@link #PRESIGN_BATCH} presignatures (docs/node.md step 4).
   */
  static final int MAX_OWN_PRESIGNS = 3;
  static final int MAX_FOLLOWER_RUNS = 64;
  /** Most presignatures one own presign session makes. */
  static final int PRESIGN_BATCH = 8;
  /** After this long without taking a presignature, the pool is topped up to its target whatever the batch size. */
  static final long POOL_QUIET_NANOS = 1_000_000_000L;

  private final ParticipantId me;
  private final String accountId;
  private final MeshOutbox out;
  private final KeyValueStore store;
  private final PresignatureStore presignatures;
  private final ContractGateway gateway;
  private final Executor io;
  private final Executor self;
  private final SecureRandom random;
  private final LongSupplier nanoTime;
  private final int poolTarget;
  private final MeterRegistry metrics;
  private final Runnable readContractSoon;
  private final ResponseBatcher responses;
  private final ParticipantHealth health;

  private ContractSnapshot snapshot;
  private KeyShare<Secp256k1Scalar, Secp256k1Point> share;
  private long shareEpoch = -1;
  private final Map<SessionId, ProtocolRun<?>> runs = new HashMap<>();
  private final Map<SessionId, List<Early>> early = new LinkedHashMap<>();
  private final Map<String, ParticipantSet> ownedPresignatures = new TreeMap<>();
  private final Map<String, RequestState> requests = new HashMap<>();
  private final List<Deferred> deferred = new ArrayList<>();
  private final List<Deferred> awaitingPresignature = new ArrayList<>();
  private int ownPresignsRunning;
  /** Presignatures the running own presign sessions will make. */
  private int ownPresignaturesInFlight;
  private int followerRuns;
  private int keygenAttempt;
  private long keygenNotBefore;
  private boolean votePending;
  private int reshareAttempt;
  private long reshareNotBefore;
  private long reshareKeySentAt;
  private final Map<ParticipantId, byte[]> reshareKeyOffers = new HashMap<>();
  private long reshareKeyEpoch = -1;
  /** Every key share in the store, by epoch: the one in use and a reshare's new one (node.md steps 8-11). */
  private final TreeMap<Long, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares = new TreeMap<>();
  /** The epoch of the last reshare whose protocol this node finished (a leaving node has no share to show for it). */
  private long reshareFinishedEpoch = -1;
  private final AtomicInteger poolGauge = new AtomicInteger();
  private final Timer networkLatency;
  private final Timer followerWait;
  /** Ids of the requests in the last reading of the contract. */
  private Map<PendingSign, String> requestIds = Map.of();
  /** When this node last took an owned presignature to lead with (node.md step 4), if ever. */
  private Long lastPresignatureTakenAt;
  /** {@link #participantSet(ContractSnapshot)}'s last answer and the list it was for. */
  private List<ChainParticipant> setOfParticipants;
  private ParticipantSet participantSetOf;

  private record Early(ParticipantId from, SessionMessage message, long at) {}

  private record Deferred(ParticipantId from, SessionProposal.Sign proposal, long received, long until) {}

  private static final class RequestState {
    final PendingSign request;
    final long firstSeen;
    boolean inFlight;
    boolean answered;
    long answeredAt;
    /** All participants in this request's leader order, and the set it was computed for. */
    List<ParticipantId> leaderOrder;
    ParticipantSet leaderOrderFor;

    RequestState(PendingSign request, long firstSeen) {
      this.request = request;
      this.firstSeen = firstSeen;
    }
  }

  /**
   * Creates the engine and loads what the store holds (key share, own presignatures).
   *
   * @param me this node's participant id
   * @param accountId this node's NEAR account
   * @param out the mesh
   * @param store the encrypted store
   * @param gateway the contract
   * @param io where blocking contract calls run
   * @param self the engine's own thread (results of contract calls come back through it)
   * @param random secret randomness
   * @param nanoTime the clock
   * @param poolTarget presignatures to keep ready (owned by this node)
   * @param metrics where counters go
   * @param readContractSoon asks the node for an extra, in-order reading of the contract (a
   *     proposal named a request this node has not seen yet)
   */
  public MpcEngine(
      ParticipantId me,
      String accountId,
      MeshOutbox out,
      KeyValueStore store,
      ContractGateway gateway,
      Executor io,
      Executor self,
      SecureRandom random,
      LongSupplier nanoTime,
      int poolTarget,
      MeterRegistry metrics,
      Runnable readContractSoon) {
    this.me = me;
    this.accountId = accountId;
    this.out = out;
    this.store = store;
    this.presignatures = new PresignatureStore(store);
    this.gateway = gateway;
    this.io = io;
    this.self = self;
    this.random = random;
    this.nanoTime = nanoTime;
    this.poolTarget = poolTarget;
    this.metrics = metrics;
    this.readContractSoon = readContractSoon;
    this.responses = new ResponseBatcher(gateway, io);
    metrics.gauge("chainsig_presignatures_available", poolGauge);
    this.networkLatency = networkLatencyTimer(metrics);
    this.followerWait = Timer.builder("chainsig.sign.follower.wait")
        .description("Time a sign proposal for a request this node had not seen yet waited for its own reading of the contract")
        .publishPercentiles(0.5, 0.95)
        .register(metrics);
    this.health = new ParticipantHealth(me, ParticipantHealth.Policy.DEFAULT, nanoTime, metrics);
    loadState();
  }

  private void loadState() {
    store.scan(KEYSHARE_PREFIX).forEach((k, v) -> shares.put(
        ByteBuffer.wrap(k.bytes(), KEYSHARE_PREFIX.length, 8).getLong(), KeyShareEncoding.decode(Secp256k1Group.INSTANCE, v)));
    if (!shares.isEmpty()) {
      // node.md step 11: the oldest is the one in use until the contract says otherwise.
      shareEpoch = shares.firstKey();
      share = shares.firstEntry().getValue();
    }
    for (byte[] id : presignatures.availableIds()) {
      if (ByteBuffer.wrap(id).getInt() == me.value()) {
        presignatures.peek(id).ifPresent(m -> ownedPresignatures.put(Hex.encode(id), Presignature.fromStorageBytes(m).signers()));
      }
    }
    poolGauge.set(ownedPresignatures.size());
    if (share != null) {
      LOG.info("loaded key shares of epochs {} (public key {}), {} own presignatures", shares.keySet(), share.publicKey(), ownedPresignatures.size());
    }
  }

  // ---------------------------------------------------------------- inputs

  /** node.md step 1: a fresh reading of the contract. */
  public void onSnapshot(ContractSnapshot s) {
    snapshot = s;
    settleShares(s);
    long now = nanoTime.getAsLong();
    if (s.phase() == ContractPhase.Initializing) {
      if (share == null || shareEpoch != s.epoch()) {
        maybeStartKeygen(now);
      } else if (!s.pkVoters().contains(accountId) && !votePending) {
        votePk();
      }
    }
    if (share != null && s.publicKey().isPresent() && shareEpoch == s.epoch()
        && !s.publicKey().get().equals(share.publicKey())) {
      LOG.error("the contract's key {} is not the key this node holds a share of ({})", s.publicKey().get(), share.publicKey());
    }
    Set<String> live = new HashSet<>();
    Map<PendingSign, String> ids = new HashMap<>();
    for (PendingSign r : s.pending()) {
      // The id is a hash of the request: computed once per request, not once per reading.
      String id = requestIds.get(r);
      if (id == null) {
        id = r.requestIdHex();
      }
      ids.put(r, id);
      live.add(id);
      RequestState known = requests.get(id);
      if (known == null || !known.request.equals(r)) {
        // New, or the same request again with another block's entropy (the chain lost the block
        // that held it and the caller sent it again): lead it as it is now (node.md step 5).
        requests.put(id, new RequestState(r, now));
      }
    }
    requestIds = ids;
    requests.keySet().removeIf(id -> !live.contains(id));
    for (RequestState r : requests.values()) {
      if (r.answered && now - r.answeredAt > RESPOND_CONFIRM_NANOS) {
        // node.md step 7: accepted but never executed (e.g. the chain lost its open block).
        LOG.warn("request {} is still pending {} ms after its response was accepted; signing it again",
            r.request.requestIdHex().substring(0, 12), (now - r.answeredAt) / 1_000_000);
        r.answered = false;
      }
    }
    Iterator<Deferred> it = deferred.iterator();
    while (it.hasNext()) {
      Deferred d = it.next();
      Optional<PendingSign> r = findPending(d.proposal());
      if (r.isPresent()) {
        it.remove();
        followerWait.record(now - d.received(), java.util.concurrent.TimeUnit.NANOSECONDS);
        joinSign(d.from(), d.proposal());
      } else if (now > d.until()) {
        it.remove();
        LOG.warn("participant {} proposed to sign a request that never appeared on chain; ignored", d.from());
      }
    }
    if (running()) {
      leadRequests(now); // node.md step 5: lead new requests now, not at the next tick
    }
  }

  private boolean running() {
    return snapshot != null && snapshot.phase() == ContractPhase.Running && share != null && shareEpoch == snapshot.epoch();
  }

  /** node.md step 7: request first seen -> verified signature ready, measured at the leader. */
  private static Timer networkLatencyTimer(MeterRegistry metrics) {
    List<Duration> slos = new ArrayList<>();
    for (int ms = 1; ms <= 30; ms++) {
      slos.add(Duration.ofMillis(ms));
    }
    for (int ms : new int[] {35, 40, 45, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 250, 300, 400, 500, 750,
        1000, 1500, 2000, 3000, 5000, 10000, 20000, 30000}) {
      slos.add(Duration.ofMillis(ms));
    }
    return Timer.builder("chainsig.sign.network")
        .description("Time from a node first seeing a sign request to the verified signature at its leader")
        .serviceLevelObjectives(slos.toArray(Duration[]::new))
        .register(metrics);
  }

  /** A message from the mesh. Garbage is logged against the sender and dropped. */
  public void onMessage(ParticipantId from, SessionId session, byte[] payload) {
    SessionMessage m;
    try {
      m = SessionMessage.decode(payload);
    } catch (IllegalArgumentException e) {
      blame(from, "malformed session message: " + e.getMessage());
      return;
    }
    if (m.kind() == SessionMessage.PROPOSAL) {
      SessionProposal p;
      try {
        p = SessionProposal.decode(m.body());
      } catch (IllegalArgumentException e) {
        blame(from, "malformed proposal: " + e.getMessage());
        return;
      }
      if (!p.sessionId().equals(session)) {
        blame(from, "proposal does not match its session id");
        return;
      }
      onProposal(from, p);
      return;
    }
    ProtocolRun<?> run = runs.get(session);
    if (run != null) {
      run.deliver(from, m.body(), out);
      reap(run);
      return;
    }
    if (jumpKeygen(session)) {
      ProtocolRun<?> jumped = runs.get(session);
      if (jumped != null) {
        jumped.deliver(from, m.body(), out);
        reap(jumped);
      }
      return;
    }
    bufferEarly(from, session, m);
  }

  /** Housekeeping: timeouts, keygen retries, the presignature pool, leading requests. */
  public void tick() {
    long now = nanoTime.getAsLong();
    for (ProtocolRun<?> run : List.copyOf(runs.values())) {
      if (now > run.deadlineNanos) {
        run.timeOut();
        reap(run);
      }
    }
    early.values().forEach(l -> l.removeIf(e -> now - e.at() > EARLY_TTL_NANOS));
    awaitingPresignature.removeIf(d -> {
      if (now > d.until()) {
        LOG.warn("participant {} asked to sign with presignature {} which this node does not hold", d.from(),
            Hex.encode(d.proposal().presignatureId()));
        return true;
      }
      return false;
    });
    early.values().removeIf(List::isEmpty);
    if (snapshot == null) {
      return;
    }
    if (snapshot.phase() == ContractPhase.Initializing && (share == null || shareEpoch != snapshot.epoch())) {
      maybeStartKeygen(now);
    }
    if (snapshot.phase() == ContractPhase.Resharing) {
      reshare(now);
    }
    if (running()) {
      topUpPool();
      leadRequests(now);
    }
  }

  /** What {@code /health} shows. */
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("participant_id", me.value());
    h.put("account_id", accountId);
    h.put("phase", snapshot == null ? "unknown" : snapshot.phase().name());
    h.put("has_key_share", share != null);
    h.put("public_key", share == null ? null : Hex.encode(share.publicKey().toCompressed()));
    h.put("presignatures_owned", ownedPresignatures.size());
    h.put("sessions_running", runs.size());
    h.put("pending_requests", requests.size());
    h.put("reachable_peers", out.reachable().stream().map(ParticipantId::value).sorted().toList());
    h.put("excluded_participants", health.excluded().stream().map(ParticipantId::value).toList());
    h.put("status", snapshot == null ? "starting" : "ok");
    return h;
  }

  // ---------------------------------------------------------------- key generation (node.md step 2)

  private SessionId keygenSession(long epoch, int attempt) {
    return SessionId.of(Hashes.sha256(("chainsig keygen epoch " + epoch + " attempt " + attempt).getBytes(StandardCharsets.US_ASCII)));
  }

  private void maybeStartKeygen(long now) {
    ContractSnapshot s = snapshot;
    if (now < keygenNotBefore || runs.containsKey(keygenSession(s.epoch(), keygenAttempt))) {
      return;
    }
    ParticipantSet all = participantSet(s);
    if (!all.contains(me)) {
      return;
    }
    if (!out.reachable().containsAll(all.others(me))) {
      return; // key generation needs everyone
    }
    startKeygen(s, all, keygenAttempt);
  }

  private void startKeygen(ContractSnapshot s, ParticipantSet all, int attempt) {
    SessionId session = keygenSession(s.epoch(), attempt);
    long epoch = s.epoch();
    LOG.info("key generation: epoch {} attempt {} with participants {}", epoch, attempt, all);
    ProtocolRun<KeyShare<Secp256k1Scalar, Secp256k1Point>> run =
        new ProtocolRun<>(
            session, "keygen", me, all,
            KeyGeneration.start(Secp256k1Group.INSTANCE, session, all, me, new MaxMalicious(s.maxMalicious()), random),
            nanoTime.getAsLong() + SESSION_TIMEOUT_NANOS,
            ks -> {
              store.put(keyshareKey(epoch), KeyShareEncoding.encode(Secp256k1Group.INSTANCE, ks));
              shares.put(epoch, ks);
              share = ks;
              shareEpoch = epoch;
              LOG.info("key generation done: root public key {}", ks.publicKey());
              metrics.counter("chainsig_keygen_total").increment();
              votePk();
            },
            e -> {
              LOG.warn("key generation attempt {} aborted: {} (blamed {})", attempt, e.getMessage(), e.blamed());
              keygenAttempt = Math.max(keygenAttempt, attempt + 1);
              keygenNotBefore = nanoTime.getAsLong() + KEYGEN_RETRY_NANOS;
            });
    start(run);
  }

  private boolean jumpKeygen(SessionId session) {
    ContractSnapshot s = snapshot;
    if (s == null || s.phase() != ContractPhase.Initializing || (share != null && shareEpoch == s.epoch())) {
      return false;
    }
    for (int a = keygenAttempt; a <= keygenAttempt + 5; a++) {
      if (keygenSession(s.epoch(), a).equals(session)) {
        runs.remove(keygenSession(s.epoch(), keygenAttempt));
        keygenAttempt = a;
        startKeygen(s, participantSet(s), a);
        return true;
      }
    }
    return false;
  }

  private void votePk() {
    KeyShare<Secp256k1Scalar, Secp256k1Point> ks = share;
    votePending = true;
    io.execute(() -> {
      try {
        gateway.votePk(0, ks.publicKey());
        LOG.info("voted for the root key {}", ks.publicKey());
      } catch (ChainException e) {
        LOG.info("vote_pk not taken (retried while the contract is Initializing): {}", e.getMessage());
      } finally {
        self.execute(() -> votePending = false);
      }
    });
  }

  private static byte[] keyshareKey(long epoch) {
    return ByteBuffer.allocate(KEYSHARE_PREFIX.length + 8).put(KEYSHARE_PREFIX).putLong(epoch).array();
  }

  // ---------------------------------------------------------------- reshare (node.md step 8)

  private SessionId reshareSession(long newEpoch, int attempt) {
    return SessionId.of(Hashes.sha256(("chainsig reshare epoch " + newEpoch + " attempt " + attempt).getBytes(StandardCharsets.US_ASCII)));
  }

  private void reshare(long now) {
    ContractSnapshot s = snapshot;
    if (s.proposed().isEmpty()) {
      return;
    }
    long newEpoch = s.prospectiveEpoch();
    if (reshareKeyEpoch != newEpoch) {
      reshareKeyEpoch = newEpoch;
      reshareKeyOffers.clear();
      reshareAttempt = 0;
    }
    ParticipantSet oldSet = participantSet(s.participants());
    ParticipantSet newSet = participantSet(s.proposed().get().participants());
    if (shares.containsKey(newEpoch)) {
      if (!s.reshareVoters().contains(accountId) && !votePending) {
        voteReshared(newEpoch);
      }
      return;
    }
    if (reshareFinishedEpoch == newEpoch) {
      return; // left the set; the contract decides what becomes of the old share (steps 9, 10)
    }
    boolean dealer = share != null && shareEpoch == s.epoch() && oldSet.contains(me);
    if (!dealer && !newSet.contains(me)) {
      return;
    }
    ParticipantSet all = oldSet.union(newSet);
    if (dealer && now - reshareKeySentAt > 1_000_000_000L) {
      reshareKeySentAt = now;
      propose(new SessionProposal.ReshareKey(me, all, newEpoch, PublicKeySharesEncoding.encode(share.publicShares())));
    }
    if (now < reshareNotBefore || runs.containsKey(reshareSession(newEpoch, reshareAttempt))
        || !out.reachable().containsAll(all.others(me))) {
      return;
    }
    Optional<PublicKeyShares<Secp256k1Point>> oldKey = dealer ? Optional.of(share.publicShares()) : agreedOldKey(s, oldSet);
    if (oldKey.isEmpty()) {
      return; // waiting for t+1 old participants to tell us the key
    }
    startReshare(s, oldKey.get(), oldSet, newSet, all, dealer, reshareAttempt);
  }

  private Optional<PublicKeyShares<Secp256k1Point>> agreedOldKey(ContractSnapshot s, ParticipantSet oldSet) {
    Map<String, Integer> counts = new HashMap<>();
    for (Map.Entry<ParticipantId, byte[]> e : reshareKeyOffers.entrySet()) {
      if (oldSet.contains(e.getKey())) {
        counts.merge(Hex.encode(e.getValue()), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> c : counts.entrySet()) {
      if (c.getValue() >= s.threshold()) {
        PublicKeyShares<Secp256k1Point> k = PublicKeySharesEncoding.decode(Hex.decode(c.getKey()));
        if (s.publicKey().isPresent() && k.publicKey().equals(s.publicKey().get()) && k.participants().equals(oldSet)) {
          return Optional.of(k);
        }
      }
    }
    return Optional.empty();
  }

  private void onReshareKey(ParticipantId from, SessionProposal.ReshareKey key) {
    if (snapshot == null || snapshot.phase() != ContractPhase.Resharing || key.newEpoch() != snapshot.prospectiveEpoch()) {
      return;
    }
    try {
      PublicKeySharesEncoding.decode(key.publicShares());
    } catch (IllegalArgumentException e) {
      blame(from, "malformed public key shares: " + e.getMessage());
      return;
    }
    reshareKeyOffers.put(from, key.publicShares());
  }

  private void startReshare(ContractSnapshot s, PublicKeyShares<Secp256k1Point> oldKey, ParticipantSet oldSet,
      ParticipantSet newSet, ParticipantSet all, boolean dealer, int attempt) {
    long newEpoch = s.prospectiveEpoch();
    SessionId session = reshareSession(newEpoch, attempt);
    LOG.info("reshare into epoch {} attempt {}: {} -> {} (threshold {})", newEpoch, attempt, oldSet, newSet, s.proposed().get().threshold());
    ProtocolRun<Optional<KeyShare<Secp256k1Scalar, Secp256k1Point>>> run;
    try {
      run = new ProtocolRun<>(
          session, "reshare", me, all,
          Reshare.start(Secp256k1Group.INSTANCE, session, me, oldKey, oldSet,
              dealer ? Optional.of(share) : Optional.empty(), newSet,
              new MaxMalicious(s.proposed().get().threshold() - 1), random),
          nanoTime.getAsLong() + SESSION_TIMEOUT_NANOS,
          result -> finishReshare(newEpoch, result),
          e -> {
            LOG.warn("reshare attempt {} aborted: {} (blamed {})", attempt, e.getMessage(), e.blamed());
            reshareAttempt = Math.max(reshareAttempt, attempt + 1);
            reshareNotBefore = nanoTime.getAsLong() + KEYGEN_RETRY_NANOS;
          });
    } catch (ProtocolSetupException e) {
      LOG.warn("cannot start the reshare: {}", e.getMessage());
      reshareNotBefore = nanoTime.getAsLong() + KEYGEN_RETRY_NANOS;
      return;
    }
    start(run);
  }

  private void finishReshare(long newEpoch, Optional<KeyShare<Secp256k1Scalar, Secp256k1Point>> result) {
    // node.md step 8: the old share and its presignatures stay until the contract confirms (step 9);
    // a cancelled reshare (step 10) leaves the node signing with them as before.
    reshareFinishedEpoch = newEpoch;
    if (result.isPresent()) {
      store.put(keyshareKey(newEpoch), KeyShareEncoding.encode(Secp256k1Group.INSTANCE, result.get()));
      shares.put(newEpoch, result.get());
      LOG.info("reshare protocol done: share for epoch {} stored (same key {}); the old one stays until the contract confirms",
          newEpoch, result.get().publicKey());
      voteReshared(newEpoch);
    } else {
      LOG.info("reshare protocol done: this node is not in the set of epoch {}; it keeps its old share until the contract confirms",
          newEpoch);
    }
  }

  /**
   * node.md steps 9-10: follows the contract's decision on a reshare. The share in use is the one
   * of the contract's epoch; shares of older epochs go with every presignature (made with them),
   * shares of a cancelled reshare's epoch go, and so do its sessions.
   */
  private void settleShares(ContractSnapshot s) {
    if (s.phase() != ContractPhase.Running && s.phase() != ContractPhase.Resharing) {
      return;
    }
    boolean resharing = s.phase() == ContractPhase.Resharing;
    if (reshareKeyEpoch > s.epoch() && !(resharing && reshareKeyEpoch == s.prospectiveEpoch())) {
      // Step 10: the contract gave up the reshare this node was working on.
      boolean running = runs.values().removeIf(r -> r.kind.equals("reshare"));
      LOG.info("the reshare into epoch {} was cancelled{}; signing goes on with the share of epoch {}",
          reshareKeyEpoch, running ? " (its session stopped)" : "", s.epoch());
      reshareKeyEpoch = -1;
      reshareKeyOffers.clear();
    }
    List<Long> older = new ArrayList<>();
    List<Long> cancelled = new ArrayList<>();
    for (long e : shares.keySet()) {
      if (e < s.epoch()) {
        older.add(e);
      } else if (e > s.epoch() && !(resharing && e == s.prospectiveEpoch())) {
        cancelled.add(e);
      }
    }
    if (!cancelled.isEmpty()) {
      // Step 10: an epoch the contract cancelled can never come back (docs/contract.md, "Epochs").
      store.write(deleteShares(cancelled));
      shares.keySet().removeAll(cancelled);
      LOG.info("deleted the share of the cancelled epoch(s) {}; shares held: epochs {}", cancelled, shares.keySet());
    }
    if (!older.isEmpty()) {
      // Step 9: the contract is past these epochs. Presign runs and presignatures use the old share.
      for (ProtocolRun<?> run : List.copyOf(runs.values())) {
        if (run.kind.equals("presign")) {
          run.timeOut();
          reap(run);
        }
      }
      int discarded = presignatures.discardAll(deleteShares(older));
      shares.keySet().removeAll(older);
      ownedPresignatures.clear();
      poolGauge.set(0);
      KeyShare<Secp256k1Scalar, Secp256k1Point> current = shares.get(s.epoch());
      if (current != null) {
        LOG.info("reshare into epoch {} confirmed: using the new share, same key {}; {} old presignatures discarded",
            s.epoch(), current.publicKey(), discarded);
      } else {
        LOG.info("epoch {} is in force without this node: old share and {} presignatures discarded", s.epoch(), discarded);
      }
    }
    share = shares.get(s.epoch());
    shareEpoch = share == null ? -1 : s.epoch();
  }

  private static List<WriteOp> deleteShares(List<Long> epochs) {
    return epochs.stream().<WriteOp>map(e -> new WriteOp.Delete(keyshareKey(e))).toList();
  }

  private void voteReshared(long newEpoch) {
    votePending = true;
    io.execute(() -> {
      try {
        gateway.voteReshared(newEpoch);
        LOG.info("voted the reshare into epoch {} done", newEpoch);
      } catch (ChainException e) {
        LOG.info("vote_reshared not taken (will retry while resharing): {}", e.getMessage());
      } finally {
        self.execute(() -> votePending = false);
      }
    });
  }

  // ---------------------------------------------------------------- presignature pool (node.md step 4)

  private void topUpPool() {
    Set<ParticipantId> avoid = avoidedSigners(liveParticipants());
    while (ownPresignsRunning < MAX_OWN_PRESIGNS) {
      int missing = poolTarget - usablePresignatures(avoid) - ownPresignaturesInFlight;
      if (missing <= 0 || (missing < smallestBatch() && takingPresignatures())) {
        return;
      }
      int n = 2 * snapshot.maxMalicious() + 1;
      List<ParticipantId> candidates = new ArrayList<>(out.reachable());
      candidates.retainAll(participantSet(snapshot).ids());
      candidates.removeAll(avoid); // node.md step 12
      if (candidates.size() < n - 1) {
        return;
      }
      Collections.shuffle(candidates, random);
      List<ParticipantId> chosen = new ArrayList<>(candidates.subList(0, n - 1));
      chosen.add(me);
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      SessionProposal.Presign p = new SessionProposal.Presign(
          me, ParticipantSet.of(chosen), shareEpoch, nonce, Math.min(PRESIGN_BATCH, missing));
      propose(p);
      startPresign(p, me);
    }
  }

  /**
   * node.md step 4: while this node keeps taking presignatures, a session starts only once this
   * many are missing (a quarter of the pool target, at most a full batch), so that under load the
   * sessions make full batches instead of one or two presignatures each, with the messages, set-up
   * and synced store write of a session for every one or two.
   */
  private int smallestBatch() {
    return Math.min(PRESIGN_BATCH, Math.max(1, poolTarget / 4));
  }

  /** Whether this node took a presignature to lead with in the last {@link #POOL_QUIET_NANOS}. */
  private boolean takingPresignatures() {
    return lastPresignatureTakenAt != null && nanoTime.getAsLong() - lastPresignatureTakenAt < POOL_QUIET_NANOS;
  }

  private void startPresign(SessionProposal.Presign p, ParticipantId initiator) {
    boolean own = initiator.equals(me);
    long runEpoch = shareEpoch;
    if (own) {
      ownPresignsRunning++;
      ownPresignaturesInFlight += p.count();
    } else {
      followerRuns++;
    }
    Runnable ended = () -> {
      if (own) {
        ownPresignsRunning--;
        ownPresignaturesInFlight -= p.count();
      } else {
        followerRuns--;
      }
    };
    ProtocolRun<List<Presignature>> run =
        new ProtocolRun<>(
            p.sessionId(), "presign", me, p.participants(),
            Presign.startBatch(p.sessionId(), share, p.participants(), p.count(), random),
            nanoTime.getAsLong() + PRESIGN_TIMEOUT_NANOS,
            made -> {
              ended.run();
              health.succeeded("presign", p.participants());
              if (runEpoch != shareEpoch) {
                return; // made with a share that a reshare has replaced: never store them
              }
              // node.md step 4: the whole batch in one synced write.
              Map<Key, byte[]> batch = new LinkedHashMap<>();
              for (Presignature pre : made) {
                batch.put(new Key(presignatureKey(initiator, pre.id().bytes())), pre.toStorageBytes());
              }
              presignatures.addAll(batch);
              metrics.counter("chainsig_presignatures_made_total").increment(made.size());
              for (Presignature pre : made) {
                if (own) {
                  ownedPresignatures.put(Hex.encode(presignatureKey(initiator, pre.id().bytes())), pre.signers());
                } else {
                  retryAwaitingPresignature(initiator, pre.id().bytes());
                }
              }
              poolGauge.set(ownedPresignatures.size());
            },
            e -> {
              ended.run();
              abortLogged("presign", p.participants(), e);
            });
    start(run);
  }

  private void retryAwaitingPresignature(ParticipantId owner, byte[] presignatureId) {
    Iterator<Deferred> it = awaitingPresignature.iterator();
    while (it.hasNext()) {
      Deferred d = it.next();
      if (d.from().equals(owner) && java.util.Arrays.equals(d.proposal().presignatureId(), presignatureId)) {
        it.remove();
        joinSign(d.from(), d.proposal());
        return;
      }
    }
  }

  private static byte[] presignatureKey(ParticipantId initiator, byte[] presignatureId) {
    return ByteBuffer.allocate(4 + presignatureId.length).putInt(initiator.value()).put(presignatureId).array();
  }

  // ---------------------------------------------------------------- signing (node.md steps 5-7)

  private void leadRequests(long now) {
    Set<ParticipantId> live = liveParticipants();
    Set<ParticipantId> avoid = avoidedSigners(live);
    for (RequestState r : requests.values()) {
      if (r.inFlight || r.answered || !isLeader(r, now, live)) {
        continue;
      }
      Optional<String> pick = pickPresignature(live, avoid);
      if (pick.isEmpty()) {
        return; // the pool is empty or its signers are not reachable; try again next tick
      }
      byte[] key = Hex.decode(pick.get());
      ParticipantSet signers = ownedPresignatures.remove(pick.get());
      poolGauge.set(ownedPresignatures.size());
      PendingSign q = r.request;
      SessionProposal.Sign p =
          new SessionProposal.Sign(me, signers, java.util.Arrays.copyOfRange(key, 4, key.length),
              q.tweakHex(), q.payloadHex(), q.domainId(), q.entropyHex());
      // Durable, with what it is used for, before any share leaves.
      Optional<byte[]> material = presignatures.take(key, PresignatureUse.sign(true, p.sessionId().bytes(), q.requestId(), q.entropyHex()));
      if (material.isEmpty()) {
        continue;
      }
      lastPresignatureTakenAt = now;
      r.inFlight = true;
      LOG.debug("leading request {} ({} ms after it was seen) with presignature {}", q.requestIdHex().substring(0, 12),
          (now - r.firstSeen) / 1_000_000, pick.get().substring(8, 20));
      propose(p);
      startSign(p, Presignature.fromStorageBytes(material.get()), r);
    }
  }

  private boolean isLeader(RequestState r, long now, Set<ParticipantId> live) {
    ParticipantSet all = participantSet(snapshot);
    if (!all.equals(r.leaderOrderFor)) {
      // The order depends only on the participant set and the request: hash each once.
      byte[] rid = r.request.requestId();
      Map<ParticipantId, String> rank = new HashMap<>();
      for (ParticipantId p : all.ids()) {
        rank.put(p, Hex.encode(Hashes.sha256(ByteBuffer.allocate(4 + rid.length).putInt(p.value()).put(rid).array())));
      }
      List<ParticipantId> order = new ArrayList<>(all.ids());
      order.sort(Comparator.comparing(rank::get));
      r.leaderOrder = order;
      r.leaderOrderFor = all;
    }
    List<ParticipantId> candidates = new ArrayList<>(r.leaderOrder);
    candidates.retainAll(live);
    if (candidates.isEmpty()) {
      return false;
    }
    int rotation = (int) ((now - r.firstSeen) / LEADER_TIMEOUT_NANOS);
    return candidates.get(rotation % candidates.size()).equals(me);
  }

  private Optional<String> pickPresignature(Set<ParticipantId> live, Set<ParticipantId> avoid) {
    for (Map.Entry<String, ParticipantSet> e : ownedPresignatures.entrySet()) {
      if (live.containsAll(e.getValue().ids()) && Collections.disjoint(avoid, e.getValue().ids())) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private void joinSign(ParticipantId leader, SessionProposal.Sign p) {
    byte[] key = presignatureKey(leader, p.presignatureId());
    Optional<byte[]> material = presignatures.take(key, PresignatureUse.sign(false, p.sessionId().bytes(),
        PendingSign.requestId(p.tweakHex(), p.payloadHex(), p.domainId()), p.entropyHex()));
    if (material.isEmpty()) {
      if (presignatures.isUsed(key)) {
        blame(leader, "a sign proposal for presignature " + Hex.encode(p.presignatureId()) + " that was already used");
        return;
      }
      // node.md step 6: the owner may finish a presign run before this node has stored its part
      // (its last message from a third signer can still be on the way): wait for it a little.
      if (awaitingPresignature.size() < MAX_FOLLOWER_RUNS) {
        long at = nanoTime.getAsLong();
        awaitingPresignature.add(new Deferred(leader, p, at, at + PRESIGNATURE_WAIT_NANOS));
      }
      return;
    }
    followerRuns++;
    startSign(p, Presignature.fromStorageBytes(material.get()), null);
  }

  private void startSign(SessionProposal.Sign p, Presignature presignature, RequestState asLeader) {
    SignRequest request;
    try {
      request = SignRequest.of(Hex.decode(p.payloadHex()), Secp256k1Scalar.fromBytes(Hex.decode(p.tweakHex())), Hex.decode(p.entropyHex()));
    } catch (IllegalArgumentException e) {
      LOG.warn("cannot sign request {}: {}", p.payloadHex(), e.getMessage());
      if (asLeader != null) {
        asLeader.inFlight = false;
      } else {
        followerRuns--;
      }
      return;
    }
    ProtocolRun<Optional<EcdsaSignature>> run;
    try {
      run = new ProtocolRun<>(
          p.sessionId(), "sign", me, p.participants(),
          Sign.start(p.sessionId(), presignature, p.participants(), p.initiator(), request),
          nanoTime.getAsLong() + SIGN_TIMEOUT_NANOS,
          sig -> {
            if (asLeader == null) {
              followerRuns--;
              return;
            }
            if (sig.isEmpty()) {
              asLeader.inFlight = false;
              return;
            }
            health.succeeded("sign", p.participants());
            respond(asLeader, sig.get(), request);
          },
          e -> {
            if (asLeader != null) {
              asLeader.inFlight = false;
            } else {
              followerRuns--;
            }
            abortLogged("sign", p.participants(), e);
          });
    } catch (ProtocolSetupException e) {
      LOG.warn("refused sign session from {}: {}", p.initiator(), e.getMessage());
      if (asLeader != null) {
        asLeader.inFlight = false;
      } else {
        followerRuns--;
      }
      return;
    }
    start(run);
  }

  private void respond(RequestState r, EcdsaSignature sig, SignRequest request) {
    // Every signature is verified before it leaves: the sign run returns one only after checking it
    // under the child key X + eps*G of this very request (docs/protocols/sign.md step 7), and the
    // presignature's X is the contract's key (a reshare keeps it). Checking again here cost a
    // fixed-base and a double multiplication per signature (docs/performance.md).
    metrics.counter("chainsig_signatures_total").increment();
    networkLatency.record(nanoTime.getAsLong() - r.firstSeen, java.util.concurrent.TimeUnit.NANOSECONDS);
    responses.submit(new RequestSignature(r.request, sig), done -> self.execute(() -> {
      r.inFlight = false;
      r.answered = done;
      r.answeredAt = nanoTime.getAsLong();
      if (done) {
        metrics.counter("chainsig_responses_total").increment();
        LOG.info("responded to request {} ({} ms after it was seen)", r.request.requestIdHex().substring(0, 12),
            (nanoTime.getAsLong() - r.firstSeen) / 1_000_000);
      }
    }));
  }

  private Optional<PendingSign> findPending(SessionProposal.Sign p) {
    if (snapshot == null) {
      return Optional.empty();
    }
    return snapshot.pending().stream()
        .filter(r -> r.tweakHex().equals(p.tweakHex()) && r.payloadHex().equals(p.payloadHex())
            && r.domainId() == p.domainId() && r.entropyHex().equals(p.entropyHex()))
        .findFirst();
  }

  // ---------------------------------------------------------------- proposals (node.md steps 4, 6)

  private void onProposal(ParticipantId from, SessionProposal p) {
    if (!p.initiator().equals(from)) {
      blame(from, "proposal names participant " + p.initiator() + " as its initiator");
      return;
    }
    if (p instanceof SessionProposal.ReshareKey key) {
      onReshareKey(from, key);
      return;
    }
    if (runs.containsKey(p.sessionId()) || !p.participants().contains(me)) {
      return;
    }
    if (share == null || snapshot == null || shareEpoch != snapshot.epoch()) {
      LOG.info("ignoring a proposal from {}: no key share for the current epoch yet", from);
      return;
    }
    if (!p.participants().isSubsetOf(participantSet(snapshot))
        || p.participants().size() != 2 * snapshot.maxMalicious() + 1) {
      blame(from, "proposal lists a signer set that is not 2t+1 current participants");
      return;
    }
    if (followerRuns >= MAX_FOLLOWER_RUNS) {
      LOG.warn("too many sessions for others at once; ignoring a proposal from {}", from);
      return;
    }
    switch (p) {
      case SessionProposal.ReshareKey key -> onReshareKey(from, key);
      case SessionProposal.Presign pre -> {
        if (pre.epoch() != shareEpoch) {
          return;
        }
        startPresign(pre, from);
      }
      case SessionProposal.Sign sign -> {
        if (findPending(sign).isPresent()) {
          joinSign(from, sign);
        } else {
          // Our view of the chain may lag the leader's; wait a little for the request to appear.
          long at = nanoTime.getAsLong();
          deferred.add(new Deferred(from, sign, at, at + 15_000_000_000L));
          readContractSoon.run();
        }
      }
    }
  }

  private void propose(SessionProposal p) {
    byte[] payload = new SessionMessage(SessionMessage.PROPOSAL, p.encode()).encode();
    for (ParticipantId other : p.participants().others(me)) {
      out.send(other, p.sessionId(), payload);
    }
  }

  // ---------------------------------------------------------------- plumbing

  private void start(ProtocolRun<?> run) {
    runs.put(run.session, run);
    run.drive(out);
    List<Early> buffered = early.remove(run.session);
    if (buffered != null) {
      for (Early e : buffered) {
        run.deliver(e.from(), e.message().body(), out);
      }
    }
    reap(run);
  }

  private void reap(ProtocolRun<?> run) {
    if (run.finished()) {
      runs.remove(run.session, run);
    }
  }

  private void bufferEarly(ParticipantId from, SessionId session, SessionMessage m) {
    List<Early> list = early.get(session);
    if (list == null) {
      if (early.size() >= MAX_EARLY_SESSIONS) {
        return;
      }
      list = new ArrayList<>();
      early.put(session, list);
    }
    if (list.size() < MAX_EARLY_PER_SESSION) {
      list.add(new Early(from, m, nanoTime.getAsLong()));
    }
  }

  /** node.md step 12: every presign or sign abort is logged with its signers and what it counted against whom. */
  private void abortLogged(String kind, ParticipantSet signers, ProtocolAbortException e) {
    metrics.counter("chainsig_aborts_total", "protocol", kind).increment();
    e.blamed().forEach(b -> metrics.counter("chainsig_blamed_total", "participant", String.valueOf(b.value())).increment());
    String counted = ProtocolRun.isTimeout(e) ? "not counted against anyone" : health.aborted(kind, signers, e);
    LOG.warn("{} with signers {} aborted: {}; {}", kind, signers, e.getMessage(), counted);
  }

  /**
   * node.md step 12: the participants to leave out of new presign sets and of the presignatures this
   * node leads with — the excluded ones, as long as 2t+1 reachable participants remain.
   */
  private Set<ParticipantId> avoidedSigners(Set<ParticipantId> live) {
    Set<ParticipantId> current = new HashSet<>(live);
    current.retainAll(participantSet(snapshot).ids());
    return health.avoid(current, 2 * snapshot.maxMalicious() + 1);
  }

  /** This node and the peers it reaches now. */
  private Set<ParticipantId> liveParticipants() {
    Set<ParticipantId> live = new HashSet<>(out.reachable());
    live.add(me);
    return live;
  }

  /** Owned presignatures the leader may use now: none of their signers avoided (step 12). */
  private int usablePresignatures(Set<ParticipantId> avoid) {
    if (avoid.isEmpty()) {
      return ownedPresignatures.size();
    }
    int usable = 0;
    for (ParticipantSet signers : ownedPresignatures.values()) {
      if (Collections.disjoint(avoid, signers.ids())) {
        usable++;
      }
    }
    return usable;
  }

  private void blame(ParticipantId from, String what) {
    LOG.warn("participant {} sent {}", from, what);
    metrics.counter("chainsig_blamed_total", "participant", String.valueOf(from.value())).increment();
  }

  /** The participant set of a snapshot's participants list (the same list while the state is reused: built once). */
  private ParticipantSet participantSet(ContractSnapshot s) {
    List<ChainParticipant> participants = s.participants();
    if (participants != setOfParticipants) {
      setOfParticipants = participants;
      participantSetOf = participantSet(participants);
    }
    return participantSetOf;
  }

  private static ParticipantSet participantSet(List<ChainParticipant> participants) {
    List<ParticipantId> ids = new ArrayList<>();
    for (ChainParticipant p : participants) {
      ids.add(ParticipantId.of(p.participantId()));
    }
    return ParticipantSet.of(ids);
  }
}
