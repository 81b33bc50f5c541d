package io.chainsig.node.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import io.chainsig.near.tx.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContractGateway} over NEAR JSON-RPC: views for reads, transactions from the node's account
 * for writes.
 *
 * <p>Every read asks for the pending requests, through the {@code pending_requests_since} view:
 * the requests seen are kept ({@link PendingFeed}), so an answer carries in full only the requests
 * of the last few blocks and names the others by id. The first read asks from block 0; a read
 * whose answer does not add up with what is kept (the chain went back) asks again from block 0.
 * The list is the one {@code pending_requests} would have given. A contract without that view (an
 * older deployment) is read through {@code pending_requests} from then on, as is one whose answer
 * from block 0 does not add up (ids that are not the node's request ids).
 *
 * <p>A read asks for {@code state} too unless the last state read was {@code Running} and is
 * younger than {@link #STATE_MAX_AGE_NANOS}: while running, the state (epoch, participants, key)
 * only changes when the participants vote for a reshare, which the node may well see a second late
 * (docs/node.md, step 1). In every other phase, where the node's own votes and the key generation
 * or reshare it takes part in move the contract on, every read asks for the state.
 */
public final class RpcContractGateway implements ContractGateway {
  /** How long a {@code Running} state is used before it is read again. */
  public static final long STATE_MAX_AGE_NANOS = 1_000_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(RpcContractGateway.class);

  private final NearRpcClient rpc;
  private final String contract;
  private final NearTransactionSender sender;
  private final LongSupplier nanoTime;
  /** The last state read, if it may be used again. */
  private final AtomicReference<RunningState> running = new AtomicReference<>();
  /** Held while the pending requests are read and merged, so answers are taken in order. */
  private final ReentrantLock pendingLock = new ReentrantLock();
  /** The pending requests seen (guarded by {@link #pendingLock}). */
  private final PendingFeed feed = new PendingFeed();
  /** True once {@code pending_requests_since} is not used (guarded by {@link #pendingLock}). */
  private boolean fullListOnly;

  /**
   * A {@code Running} state as read.
   *
   * @param snapshot the snapshot it was read for (its pending requests are replaced on reuse)
   * @param readAt when the read began ({@code nanoTime})
   */
  private record RunningState(ContractSnapshot snapshot, long readAt) {}

  /** Reads {@code contract} through {@code rpc} and writes with {@code sender}. */
  public RpcContractGateway(NearRpcClient rpc, String contract, NearTransactionSender sender) {
    this(rpc, contract, sender, System::nanoTime);
  }

  /** As {@link #RpcContractGateway(NearRpcClient, String, NearTransactionSender)}, with the clock that ages the state. */
  RpcContractGateway(NearRpcClient rpc, String contract, NearTransactionSender sender, LongSupplier nanoTime) {
    this.rpc = rpc;
    this.contract = contract;
    this.sender = sender;
    this.nanoTime = nanoTime;
  }

  @Override
  public ContractSnapshot read() throws ChainException {
    long now = nanoTime.getAsLong();
    RunningState last = running.get();
    if (last != null && now - last.readAt() < STATE_MAX_AGE_NANOS) {
      return last.snapshot().withPending(pending());
    }
    ContractSnapshot s = ContractSnapshotParser.parseState(view("state", "{}")).withPending(pending());
    boolean reusable = s.phase() == ContractPhase.Running && !s.participants().isEmpty();
    running.set(reusable ? new RunningState(s, now) : null);
    return s;
  }

  /** The pending requests now, oldest first. */
  private List<PendingSign> pending() throws ChainException {
    pendingLock.lock();
    try {
      if (!fullListOnly) {
        Optional<List<PendingSign>> list = pendingFromFeed();
        if (list.isPresent()) {
          return list.get();
        }
      }
      return ContractSnapshotParser.parsePending(view("pending_requests", "{}"));
    } finally {
      pendingLock.unlock();
    }
  }

  /** Through {@code pending_requests_since}; empty (and {@link #fullListOnly} set) where it cannot serve. */
  private Optional<List<PendingSign>> pendingFromFeed() throws ChainException {
    try {
      long since = feed.since();
      Optional<List<PendingSign>> list = feed.take(since, pendingSince(since));
      if (list.isEmpty() && since > 0) {
        LOG.debug("pending_requests_since {} does not add up with the requests kept: reading from block 0", since);
        list = feed.take(0, pendingSince(0));
      }
      if (list.isEmpty()) {
        LOG.warn("contract {}: pending_requests_since does not add up to its pending list; "
            + "reading pending_requests from now on", contract);
        fullListOnly = true;
      }
      return list;
    } catch (ChainException e) {
      if (!methodNotFound(e)) {
        throw e;
      }
      LOG.info("contract {} has no view pending_requests_since: reading pending_requests from now on", contract);
      fullListOnly = true;
      return Optional.empty();
    }
  }

  private PendingFeed.Answer pendingSince(long blockHeight) throws ChainException {
    return ContractSnapshotParser.parsePendingSince(
        view("pending_requests_since", "{\"block_height\":" + blockHeight + "}"));
  }

  /** True if the error is NEAR's for a view the contract does not have ({@code MethodNotFound}). */
  static boolean methodNotFound(ChainException e) {
    return e.getMessage() != null && e.getMessage().contains("MethodNotFound");
  }

  private JsonNode view(String method, String argsJson) throws ChainException {
    return rpc.view(contract, method, argsJson);
  }

  @Override
  public void respond(List<RequestSignature> responses) throws ChainException {
    if (responses.isEmpty() || responses.size() > ResponseBatcher.MAX_BATCH) {
      throw new IllegalArgumentException("respond takes 1.." + ResponseBatcher.MAX_BATCH + " responses");
    }
    // Not waiting for the block: the node sees the requests leave pending_requests (node.md step 7).
    long gas = NearTransactionSender.MAX_GAS / responses.size();
    List<Action> calls = new ArrayList<>();
    for (RequestSignature r : responses) {
      calls.add(new Action.FunctionCall("respond", ContractCalls.respondArgs(r.request(), r.signature()), gas, BigInteger.ZERO));
    }
    sender.send(contract, calls, "NONE");
  }

  @Override
  public void voteReshared(long newEpoch) throws ChainException {
    sender.functionCall(contract, "vote_reshared", "{\"epoch_id\":" + newEpoch + "}", BigInteger.ZERO);
  }

  @Override
  public void votePk(int domainId, Secp256k1Point publicKey) throws ChainException {
    sender.functionCall(contract, "vote_pk", new String(ContractCalls.votePkArgs(domainId, publicKey), StandardCharsets.UTF_8), BigInteger.ZERO);
  }
}
