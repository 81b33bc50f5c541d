package io.chainsig.node.chain;

import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.chainsig.near.tx.Action;

/** {@link ContractGateway} over NEAR JSON-RPC: views for reads, transactions from the node's account for writes. */
public final class RpcContractGateway implements ContractGateway {
  private final NearRpcClient rpc;
  private final String contract;
  private final NearTransactionSender sender;

  /** Reads {@code contract} through {@code rpc} and writes with {@code sender}. */
  public RpcContractGateway(NearRpcClient rpc, String contract, NearTransactionSender sender) {
    this.rpc = rpc;
    this.contract = contract;
    this.sender = sender;
  }

  @Override
  public ContractSnapshot read() throws ChainException {
    return ContractSnapshotParser.parse(rpc.view(contract, "state", "{}"), rpc.view(contract, "pending_requests", "{}"));
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
