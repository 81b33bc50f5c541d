package io.chainsig.node.chain;

import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

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
  public void respond(PendingSign request, EcdsaSignature signature) throws ChainException {
    // Not waiting for the block: the node sees the request leave pending_requests (node.md step 7).
    sender.submitFunctionCall(contract, "respond", new String(ContractCalls.respondArgs(request, signature), StandardCharsets.UTF_8), BigInteger.ZERO);
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
