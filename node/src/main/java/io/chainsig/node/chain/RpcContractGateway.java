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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import io.chainsig.near.tx.Action;

/**
 * {@link ContractGateway} over NEAR JSON-RPC: views for reads, transactions from the node's account
 * for writes.
 *
 * <p>A read always asks for {@code pending_requests}. It asks for {@code state} too unless the
 * last state read was {@code Running} and is younger than {@link #STATE_MAX_AGE_NANOS}: while
 * running, the state (epoch, participants, key) only changes when the participants vote for a
 * reshare, which the node may well see a second late (docs/node.md, step 1). In every other phase,
 * where the node's own votes and the key generation or reshare it takes part in move the
 * contract on, every read asks for the state.
 */
public final class RpcContractGateway implements ContractGateway {
  /** How long a {@code Running} state is used before it is read again. */
  public static final long STATE_MAX_AGE_NANOS = 1_000_000_000L;

  private final NearRpcClient rpc;
  private final String contract;
  private final NearTransactionSender sender;
  private final LongSupplier nanoTime;
  /** The last state read, if it may be used again. */
  private final AtomicReference<RunningState> running = new AtomicReference<>();

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
      return last.snapshot().withPending(ContractSnapshotParser.parsePending(view("pending_requests")));
    }
    ContractSnapshot s = ContractSnapshotParser.parse(view("state"), view("pending_requests"));
    boolean reusable = s.phase() == ContractPhase.Running && !s.participants().isEmpty();
    running.set(reusable ? new RunningState(s, now) : null);
    return s;
  }

  private JsonNode view(String method) throws ChainException {
    return rpc.view(contract, method, "{}");
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
