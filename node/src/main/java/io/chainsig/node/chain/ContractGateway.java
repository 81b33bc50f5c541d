package io.chainsig.node.chain;

import io.chainsig.near.rpc.ChainException;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.ecdsa.EcdsaSignature;

/**
 * The node's port to the signer contract. Reads may be called often; writes send a transaction
 * from the node's account and return once it is accepted. Implementations are thread-safe.
 */
public interface ContractGateway {
  /**
   * The contract's pending requests as they are now and its state as recently read: an
   * implementation may reuse a {@code Running} state for a short while (docs/node.md, step 1).
   */
  ContractSnapshot read() throws ChainException;

  /**
   * Posts the signatures of pending requests in one transaction ({@code respond} once per
   * response; they succeed or fail together). Returns once the chain has accepted the transaction,
   * not when it has executed: the caller confirms by seeing the requests leave the pending list.
   */
  void respond(java.util.List<RequestSignature> responses) throws ChainException;

  /** Votes for the generated root key of a domain. */
  void votePk(int domainId, Secp256k1Point publicKey) throws ChainException;

  /** Reports the reshare into {@code newEpoch} done. */
  void voteReshared(long newEpoch) throws ChainException;
}
