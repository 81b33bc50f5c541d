package io.chainsig.sdk.evm;

/** The two transaction formats the adapter builds. */
public enum EvmTransactionType {
  /** Pre-London transaction with a single gas price, replay-protected by EIP-155 (chain id in v). */
  LEGACY,
  /** EIP-1559 (type 2): max fee and max priority fee per gas; yParity carries the recovery id. */
  EIP1559
}
