package io.chainsig.wallet.tx.evm;

/** An EVM network: its EIP-155 chain id, name, native currency symbol and whether it is a testnet. */
public record EvmNetwork(long chainId, String name, String symbol, boolean testnet) {
  /** Validates the row. */
  public EvmNetwork {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain ids are positive: " + chainId);
    }
    if (name.isBlank() || symbol.isBlank()) {
      throw new IllegalArgumentException("network " + chainId + " needs a name and a symbol");
    }
  }

  /** A chain id the table does not list: named by its number, amounts in "native units". */
  public static EvmNetwork unknown(long chainId) {
    return new EvmNetwork(chainId, "unknown EVM chain " + chainId, "native units", false);
  }
}
