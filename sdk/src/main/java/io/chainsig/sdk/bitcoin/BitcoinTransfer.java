package io.chainsig.sdk.bitcoin;

import io.chainsig.derivation.address.InvalidAddressException;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.InvalidDestinationException;

/**
 * What to send: satoshis to a segwit address, at a fee rate.
 *
 * @param destination the destination (any witness version)
 * @param amountSat the amount, positive
 * @param feeRate the fee rate
 */
public record BitcoinTransfer(SegwitAddress destination, long amountSat, FeeRate feeRate) {
  /** Rejects missing fields and a non-positive amount. */
  public BitcoinTransfer {
    if (destination == null) {
      throw new InvalidDestinationException("the destination address is missing");
    }
    if (amountSat <= 0) {
      throw new IllegalArgumentException("amount must be a positive number of satoshis");
    }
    if (feeRate == null) {
      throw new IllegalArgumentException("fee rate is missing");
    }
  }

  /**
   * A transfer to a segwit address given as text, which must use the network's human-readable part
   * (for example {@code bc}, {@code tb}, {@code bcrt}, or {@code rltc} for Litecoin regtest).
   *
   * @throws InvalidDestinationException if the address is malformed or for another network
   */
  public static BitcoinTransfer to(String address, String expectedHrp, long amountSat, FeeRate feeRate) {
    SegwitAddress parsed;
    try {
      parsed = SegwitAddress.decodeAnyHrp(address == null ? "" : address.strip());
    } catch (InvalidAddressException e) {
      throw new InvalidDestinationException("bad destination address '" + address + "': " + e.getMessage(), e);
    }
    if (!parsed.hrp().equals(expectedHrp)) {
      throw new InvalidDestinationException("bad destination address '" + address + "': it is for '"
          + parsed.hrp() + "', not this network ('" + expectedHrp + "')");
    }
    return new BitcoinTransfer(parsed, amountSat, feeRate);
  }
}
