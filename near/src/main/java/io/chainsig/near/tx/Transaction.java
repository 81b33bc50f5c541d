package io.chainsig.near.tx;

import java.util.List;

/**
 * A NEAR transaction (version 0).
 *
 * @param signerId the account that signs and pays
 * @param publicKey the signing key ({@code ed25519:<base58>})
 * @param nonce must exceed the key's nonce
 * @param receiverId the account the actions act on
 * @param blockHash a recent block hash (32 bytes)
 * @param actions the actions, executed in order and atomically
 */
public record Transaction(
    String signerId,
    String publicKey,
    long nonce,
    String receiverId,
    byte[] blockHash,
    List<Action> actions) {
  /** Validates and copies. */
  public Transaction {
    if (signerId == null || publicKey == null || receiverId == null || blockHash == null) {
      throw new IllegalArgumentException("transaction fields are required");
    }
    if (blockHash.length != 32) {
      throw new IllegalArgumentException("block hash must be 32 bytes");
    }
    blockHash = blockHash.clone();
    actions = List.copyOf(actions);
  }

  /** The block hash bytes. */
  @Override
  public byte[] blockHash() {
    return blockHash.clone();
  }
}
