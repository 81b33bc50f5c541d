package io.chainsig.sdk.evm;

import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.derivation.address.InvalidAddressException;
import io.chainsig.sdk.InvalidDestinationException;
import java.math.BigInteger;

/**
 * What to send: an amount of wei to an address, in one of the two transaction formats.
 *
 * @param to the destination
 * @param valueWei the amount, zero or more
 * @param type legacy or EIP-1559
 */
public record EvmTransfer(EvmAddress to, BigInteger valueWei, EvmTransactionType type) {
  /** Rejects missing fields and a negative amount. */
  public EvmTransfer {
    if (to == null) {
      throw new InvalidDestinationException("the destination address is missing");
    }
    if (valueWei == null || valueWei.signum() < 0) {
      throw new IllegalArgumentException("value must be zero or more wei");
    }
    if (type == null) {
      throw new IllegalArgumentException("transaction type is missing");
    }
  }

  /**
   * A transfer to an address given as text ({@code 0x} + 40 hex digits, EIP-55 checksum checked
   * when mixed case).
   *
   * @throws InvalidDestinationException if the address cannot be parsed
   */
  public static EvmTransfer to(String address, BigInteger valueWei, EvmTransactionType type) {
    EvmAddress parsed;
    try {
      parsed = EvmAddress.parse(address == null ? "" : address.strip());
    } catch (InvalidAddressException e) {
      throw new InvalidDestinationException("bad destination address '" + address + "': " + e.getMessage(), e);
    }
    return new EvmTransfer(parsed, valueWei, type);
  }
}
