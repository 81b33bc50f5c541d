package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;
import java.math.BigInteger;

/**
 * What the host tells the contract about one call: who, with how much, in which block.
 *
 * @param contractAccount the account the contract lives on
 * @param predecessor the account that called (part of the key derivation of {@code sign})
 * @param attachedDeposit yoctoNEAR attached to the call
 * @param blockHeight height of the block the call executes in
 * @param blockRandomValue the block's random value (32 bytes, hex); fresh entropy for the signers
 */
public record CallContext(
    NearAccountId contractAccount,
    NearAccountId predecessor,
    BigInteger attachedDeposit,
    long blockHeight,
    String blockRandomValue) {
  /** Validates the fields. */
  public CallContext {
    if (contractAccount == null || predecessor == null) {
      throw new IllegalArgumentException("contract account and predecessor are required");
    }
    if (attachedDeposit == null || attachedDeposit.signum() < 0) {
      throw new IllegalArgumentException("attached deposit must be a non-negative amount");
    }
    if (blockHeight < 0) {
      throw new IllegalArgumentException("block height must not be negative");
    }
    if (blockRandomValue == null) {
      throw new IllegalArgumentException("block random value is required");
    }
  }
}
