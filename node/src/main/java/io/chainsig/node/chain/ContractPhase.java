package io.chainsig.node.chain;

/** The signer contract's life cycle, as its {@code state} view names it. */
public enum ContractPhase {
  /** No participants yet. */
  NotInitialized,
  /** Participants are generating the root key. */
  Initializing,
  /** The key exists; the network signs. */
  Running,
  /** A new participant set is taking over the same key. */
  Resharing
}
