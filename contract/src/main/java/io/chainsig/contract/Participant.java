package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;

/**
 * One MPC node as the contract knows it.
 *
 * @param accountId the NEAR account the node signs {@code respond} and votes with
 * @param participantId the node's index in the threshold protocols (distinct per set)
 * @param url where the node's mesh listens
 * @param tlsPublicKey the node's mesh identity key ({@code ed25519:<base58>}), pinned by peers
 */
public record Participant(
    NearAccountId accountId, int participantId, String url, String tlsPublicKey) {
  /** Validates the fields. */
  public Participant {
    if (accountId == null) {
      throw new ContractException("participant has no account id");
    }
    if (participantId < 0) {
      throw new ContractException("participant id must not be negative, got " + participantId);
    }
    if (url == null || url.isBlank()) {
      throw new ContractException("participant " + accountId + " has no url");
    }
    if (tlsPublicKey == null || tlsPublicKey.isBlank()) {
      throw new ContractException("participant " + accountId + " has no tls_public_key");
    }
  }
}
