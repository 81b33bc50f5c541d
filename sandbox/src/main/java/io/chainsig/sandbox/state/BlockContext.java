package io.chainsig.sandbox.state;

import java.util.function.Predicate;

/**
 * The block a transaction executes in.
 *
 * @param height the block height
 * @param randomValueHex the block's random value, hex (passed to the contract)
 * @param knownBlockHash whether a base58 block hash names a block of this chain
 */
public record BlockContext(long height, String randomValueHex, Predicate<String> knownBlockHash) {}
