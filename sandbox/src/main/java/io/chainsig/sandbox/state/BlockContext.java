package io.chainsig.sandbox.state;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The block a transaction executes in.
 *
 * @param height the block height
 * @param randomValueHex the block's random value, hex (passed to the contract)
 * @param blockHeightOf the height of the block with a base58 hash, empty if the chain has none
 */
public record BlockContext(long height, String randomValueHex, Function<String, OptionalLong> blockHeightOf) {
  /** NEAR's transaction validity period: a transaction must name one of the last 86400 blocks. */
  public static final long TRANSACTION_VALIDITY_PERIOD = 86_400;

  /**
   * NEAR's nonce ceiling: a nonce must stay below {@code (height + 1) * 10^6}, so a key's nonce
   * cannot be pushed so far that the key becomes unusable.
   */
  public static final long NONCE_RANGE_PER_BLOCK = 1_000_000L;
}
