package io.chainsig.contract;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.TweakOutOfRangeException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signer contract's state machine (docs/contract.md). Every method either refuses with a
 * {@link ContractException} and leaves the state untouched, or applies its whole effect. No I/O,
 * no clock: the host passes block height and random value in the {@link CallContext} and persists
 * the state with {@link ContractStateCodec}.
 */
public final class SignerContract {
  final ContractConfig config;
  ContractPhase phase = ContractPhase.NotInitialized;
  ThresholdParameters parameters;
  ThresholdParameters proposed;
  List<Domain> domains = List.of();
  final TreeMap<Integer, NearPublicKey> keys = new TreeMap<>();
  long epoch;
  /** The prospective epoch of the last cancelled reshare, or -1 (docs/contract.md, "Epochs"). */
  long cancelledEpoch = -1;
  /** Vote topic (e.g. {@code pk:0:<key>}) to the accounts that voted for it. */
  final TreeMap<String, TreeSet<String>> votes = new TreeMap<>();
  final LinkedHashMap<RequestKey, PendingRequest> pending = new LinkedHashMap<>();

  /** A fresh, not yet initialised contract. */
  public SignerContract(ContractConfig config) {
    this.config = config;
  }

  /**
   * An independent copy: a change to either object leaves the other as it was. Cheaper than
   * encoding and decoding the state (the pending requests and other values are immutable and
   * shared; only the maps and vote sets are copied), so a host can keep one object as the state
   * it has and change a copy of it.
   */
  public SignerContract copy() {
    SignerContract c = new SignerContract(config);
    c.phase = phase;
    c.parameters = parameters;
    c.proposed = proposed;
    c.domains = domains;
    c.keys.putAll(keys);
    c.epoch = epoch;
    c.cancelledEpoch = cancelledEpoch;
    votes.forEach((topic, voters) -> c.votes.put(topic, new TreeSet<>(voters)));
    c.pending.putAll(pending);
    return c;
  }

  /** The limits in force. */
  public ContractConfig config() {
    return config;
  }

  /** The protocol state. */
  public ContractPhase phase() {
    return phase;
  }

  /** The current participants and threshold, if initialised. */
  public Optional<ThresholdParameters> parameters() {
    return Optional.ofNullable(parameters);
  }

  /** The proposed participants while resharing. */
  public Optional<ThresholdParameters> proposedParameters() {
    return Optional.ofNullable(proposed);
  }

  /** The domains. */
  public List<Domain> domains() {
    return domains;
  }

  /**
   * The key epoch: 0 after key generation, then the prospective epoch of each finished reshare
   * (one more than the last, unless a reshare was cancelled in between).
   */
  public long epoch() {
    return epoch;
  }

  /**
   * The epoch the next (or the running) reshare produces: one more than the current epoch and than
   * any cancelled reshare's epoch, so a retried reshare never reuses the id of a cancelled one.
   */
  public long prospectiveEpoch() {
    return Math.max(epoch, cancelledEpoch) + 1;
  }

  /** The prospective epoch of the last cancelled reshare, if one was cancelled. */
  public OptionalLong cancelledReshareEpoch() {
    return cancelledEpoch < 0 ? OptionalLong.empty() : OptionalLong.of(cancelledEpoch);
  }

  /** Pending requests, oldest first. */
  public List<PendingRequest> pendingRequests() {
    return List.copyOf(pending.values());
  }

  /** Vote topics and voters so far (for the {@code state} view). */
  public Map<String, List<String>> votes() {
    Map<String, List<String>> out = new TreeMap<>();
    votes.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  // ---------------------------------------------------------------- governance

  /**
   * {@code init}: only the contract account itself, only once. Moves to Initializing.
   *
   * @throws ContractException if already initialised, called by another account, or invalid
   */
  public void init(CallContext ctx, ThresholdParameters params, List<Domain> newDomains) {
    if (phase != ContractPhase.NotInitialized) {
      throw new ContractException("the contract is already initialized");
    }
    if (!ctx.predecessor().equals(ctx.contractAccount())) {
      throw new ContractException("only the contract account itself may call init");
    }
    if (newDomains == null || newDomains.isEmpty()) {
      throw new ContractException("at least one domain is required");
    }
    if (newDomains.stream().map(Domain::id).distinct().count() != newDomains.size()) {
      throw new ContractException("domain ids must be distinct");
    }
    parameters = params;
    domains = List.copyOf(newDomains);
    phase = ContractPhase.Initializing;
  }

  /**
   * {@code vote_pk}: a participant votes for the root key key generation produced for a domain.
   * With the threshold of identical votes the key is set; when every domain has its key the
   * contract is Running.
   *
   * @return the phase after the vote
   */
  public ContractPhase votePk(CallContext ctx, int domainId, NearPublicKey key) {
    requirePhase(ContractPhase.Initializing, "vote_pk");
    requireParticipant(parameters, ctx.predecessor());
    Domain domain = domain(domainId);
    if (keys.containsKey(domainId)) {
      throw new ContractException("domain " + domainId + " already has its key");
    }
    boolean schemeMatches =
        switch (domain.scheme()) {
          case Secp256k1 -> key instanceof Secp256k1PublicKey;
          case Ed25519 -> key instanceof io.chainsig.derivation.Ed25519PublicKey;
        };
    if (!schemeMatches) {
      throw new ContractException("domain " + domainId + " needs a " + domain.scheme() + " key");
    }
    if (vote("pk:" + domainId + ":" + key.toNearString(), ctx.predecessor())
        >= parameters.threshold()) {
      keys.put(domainId, key);
      clearVotes("pk:" + domainId + ":");
      if (keys.size() == domains.size()) {
        phase = ContractPhase.Running;
        votes.clear();
      }
    }
    return phase;
  }

  /**
   * {@code vote_new_parameters}: a current participant votes to reshare to a new participant set
   * for epoch {@link #prospectiveEpoch()}. With the threshold of identical votes the contract is
   * Resharing.
   *
   * @return the phase after the vote
   */
  public ContractPhase voteNewParameters(
      CallContext ctx, long prospectiveEpoch, ThresholdParameters proposal) {
    requirePhase(ContractPhase.Running, "vote_new_parameters");
    requireParticipant(parameters, ctx.predecessor());
    if (prospectiveEpoch != prospectiveEpoch()) {
      throw new ContractException(
          "prospective epoch must be " + prospectiveEpoch() + ", got " + prospectiveEpoch);
    }
    if (proposal.equals(parameters)) {
      throw new ContractException("the proposal equals the current parameters");
    }
    String topic = "params:" + prospectiveEpoch + ":" + ContractJson.parametersTopic(proposal);
    if (vote(topic, ctx.predecessor()) >= parameters.threshold()) {
      proposed = proposal;
      phase = ContractPhase.Resharing;
      votes.clear();
    }
    return phase;
  }

  /**
   * {@code vote_reshared}: a participant of the proposed set reports the reshare done. With the
   * proposed threshold of votes the proposed set becomes current and the epoch advances.
   *
   * @return the phase after the vote
   */
  public ContractPhase voteReshared(CallContext ctx, long newEpoch) {
    requirePhase(ContractPhase.Resharing, "vote_reshared");
    requireParticipant(proposed, ctx.predecessor());
    if (newEpoch != prospectiveEpoch()) {
      throw new ContractException(
          "the reshare is for epoch " + prospectiveEpoch() + ", got " + newEpoch);
    }
    if (vote("reshared:" + newEpoch, ctx.predecessor()) >= proposed.threshold()) {
      parameters = proposed;
      proposed = null;
      epoch = newEpoch;
      phase = ContractPhase.Running;
      votes.clear();
    }
    return phase;
  }

  /**
   * {@code vote_cancel_resharing}: a current (old-set) participant votes to give up the running
   * reshare, e.g. because a new participant never comes up. With the current threshold of votes
   * the contract is Running again with the current participants, threshold, keys and epoch; the
   * reshare's epoch is recorded as cancelled, so the next reshare gets a fresh epoch id, and the
   * votes of the cancelled reshare are dropped.
   *
   * @return the phase after the vote
   * @throws ContractException if the contract is not Resharing or the caller is not a current
   *     participant
   */
  public ContractPhase voteCancelResharing(CallContext ctx) {
    requirePhase(ContractPhase.Resharing, "vote_cancel_resharing");
    if (!parameters.contains(ctx.predecessor())) {
      throw new ContractException(
          "account " + ctx.predecessor() + " is not a current participant; only the current"
              + " participants may vote to cancel the reshare");
    }
    long cancelled = prospectiveEpoch();
    if (vote("cancel_resharing:" + cancelled, ctx.predecessor()) >= parameters.threshold()) {
      cancelledEpoch = cancelled;
      proposed = null;
      phase = ContractPhase.Running;
      votes.clear();
    }
    return phase;
  }

  // ---------------------------------------------------------------- signing

  /**
   * {@code sign}: queues a request (or joins an identical pending one). The call stays pending
   * until {@link #respond} or {@link #onBlock} resolves {@code callId}.
   */
  public CallOutcome sign(CallContext ctx, SignArgs args, String callId) {
    if (phase != ContractPhase.Running && phase != ContractPhase.Resharing) {
      throw new ContractException("the contract is not running (state " + phase + ")");
    }
    if (ctx.attachedDeposit().signum() <= 0) {
      throw new ContractException("sign needs an attached deposit of at least 1 yoctoNEAR");
    }
    Domain domain = domain(args.domainId());
    if (domain.scheme() != SignatureScheme.Secp256k1) {
      throw new ContractException(
          "domain " + domain.id() + " is " + domain.scheme() + "; only Ecdsa payloads are signed");
    }
    BigInteger h = new BigInteger(1, Hex.decode(args.payloadHex()));
    if (h.signum() == 0) {
      throw new ContractException("the payload must not be zero");
    }
    if (h.compareTo(Secp256k1.N) >= 0) {
      throw new ContractException("the payload is not a valid secp256k1 scalar (not below n)");
    }
    DerivationTweak tweak = DerivationTweak.of(ctx.predecessor(), args.path());
    try {
      tweak.secp256k1Scalar();
    } catch (TweakOutOfRangeException e) {
      throw new ContractException("the derivation tweak of this path is out of range; use another path");
    }
    RequestKey key = new RequestKey(tweak.toHex(), args.payloadHex(), domain.id());
    WaitingCall call = new WaitingCall(callId, ctx.blockHeight());
    PendingRequest existing = pending.get(key);
    if (existing == null) {
      pending.put(
          key,
          PendingRequest.of(
              key, ctx.predecessor(), args.path(), ctx.blockHeight(), ctx.blockRandomValue(),
              List.of(call)));
    } else {
      if (existing.waiting().size() >= config.maxWaitingCallsPerRequest()) {
        throw new ContractException(
            "too many identical pending requests (at most "
                + config.maxWaitingCallsPerRequest() + "); wait for the response");
      }
      pending.put(key, existing.plus(call));
    }
    return new CallOutcome.Pending(key);
  }

  /**
   * {@code respond}: a current participant posts the signature of a pending request. The contract
   * verifies the signature under the request's child key and resolves every waiting call; a wrong
   * signature is refused and the request stays pending.
   */
  public List<Resolution> respond(CallContext ctx, RequestKey key, SignatureResponse response) {
    return respond(ctx, key, response, RespondVerdicts.NONE);
  }

  /**
   * {@code respond} with the answers of signature checks computed beforehand: the same result as
   * {@link #respond(CallContext, RequestKey, SignatureResponse)}, with the check's answer taken
   * from {@code verdicts} if it holds this very check (same root key, request and response).
   */
  public List<Resolution> respond(
      CallContext ctx, RequestKey key, SignatureResponse response, RespondVerdicts verdicts) {
    if (parameters == null) {
      throw new ContractException("the contract is not initialized");
    }
    requireParticipant(parameters, ctx.predecessor());
    PendingRequest request = pending.get(key);
    if (request == null) {
      throw new ContractException("no pending request with this tweak, payload and domain");
    }
    NearPublicKey root = keys.get(key.domainId());
    if (!(root instanceof Secp256k1PublicKey secpRoot)) {
      throw new ContractException("domain " + key.domainId() + " has no secp256k1 key");
    }
    // verified under the child key root + tweak*G, folded into the verification's multiplication
    Optional<String> failure = verdicts.failure(new RespondCheck(secpRoot.point(), key, response));
    if (failure.isPresent()) {
      throw new ContractException("invalid signature: " + failure.get());
    }
    pending.remove(key);
    String json = ContractJson.responseJson(response);
    List<Resolution> out = new ArrayList<>();
    for (WaitingCall c : request.waiting()) {
      out.add(new Resolution.Signed(c.callId(), json));
    }
    return out;
  }

  /**
   * A new block: fails every waiting call that has waited {@code requestTimeoutBlocks} blocks.
   */
  public List<Resolution> onBlock(long height) {
    List<Resolution> out = new ArrayList<>();
    for (RequestKey key : List.copyOf(pending.keySet())) {
      PendingRequest request = pending.get(key);
      List<WaitingCall> still = new ArrayList<>();
      for (WaitingCall c : request.waiting()) {
        if (height - c.blockHeight() >= config.requestTimeoutBlocks()) {
          out.add(
              new Resolution.Failed(
                  c.callId(),
                  "Signature request has timed out: no response within "
                      + config.requestTimeoutBlocks() + " blocks"));
        } else {
          still.add(c);
        }
      }
      if (still.isEmpty()) {
        pending.remove(key);
      } else if (still.size() != request.waiting().size()) {
        pending.put(key, request.withWaiting(still));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- views

  /** {@code public_key}: the root key of a domain. */
  public NearPublicKey publicKey(int domainId) {
    domain(domainId);
    NearPublicKey key = keys.get(domainId);
    if (key == null) {
      throw new ContractException("domain " + domainId + " has no key yet (state " + phase + ")");
    }
    return key;
  }

  /** {@code derived_public_key}: the child key of (predecessor, path) in a domain. */
  public NearPublicKey derivedPublicKey(String path, NearAccountId predecessor, int domainId) {
    if (path == null) {
      throw new ContractException("path is required");
    }
    NearPublicKey root = publicKey(domainId);
    try {
      return KeyDerivation.derive(root, predecessor, path);
    } catch (TweakOutOfRangeException e) {
      throw new ContractException("the derivation tweak of this path is out of range");
    }
  }

  // ---------------------------------------------------------------- helpers

  private Domain domain(int id) {
    return domains.stream()
        .filter(d -> d.id() == id)
        .findFirst()
        .orElseThrow(() -> new ContractException("unknown domain " + id));
  }

  private void requirePhase(ContractPhase wanted, String method) {
    if (phase != wanted) {
      throw new ContractException(method + " is only accepted in state " + wanted + ", not " + phase);
    }
  }

  private static void requireParticipant(ThresholdParameters set, NearAccountId account) {
    if (set == null || !set.contains(account)) {
      throw new ContractException("account " + account + " is not a participant");
    }
  }

  /** Records a vote (idempotent per account) and returns the topic's vote count. */
  private int vote(String topic, NearAccountId voter) {
    TreeSet<String> voters = votes.computeIfAbsent(topic, t -> new TreeSet<>());
    voters.add(voter.value());
    return voters.size();
  }

  private void clearVotes(String prefix) {
    Collection<String> topics = List.copyOf(votes.keySet());
    for (String t : topics) {
      if (t.startsWith(prefix)) {
        votes.remove(t);
      }
    }
  }
}
