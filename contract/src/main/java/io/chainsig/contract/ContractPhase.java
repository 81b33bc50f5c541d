package io.chainsig.contract;

/**
 * The protocol state of the contract: NotInitialized -> Initializing (key generation) -> Running
 * -> Resharing -> Running. The names are the JSON names of the {@code state} view.
 */
public enum ContractPhase {
  /** Nothing configured yet; only {@code init} is accepted. */
  NotInitialized,
  /** Participants generate the root keys; {@code vote_pk} finishes a domain. */
  Initializing,
  /** Keys exist; requests are signed. */
  Running,
  /** A new participant set takes over the keys; requests are still signed by the old set. */
  Resharing
}
