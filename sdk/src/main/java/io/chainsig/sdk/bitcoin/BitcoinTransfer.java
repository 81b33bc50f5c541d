package io.chainsig.sdk.bitcoin;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.InvalidAddressException;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.InvalidDestinationException;
import java.util.Arrays;

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

  /**
   * A transfer to a witness output script given as hex ({@code OP_n <2..40-byte program>}, e.g.
   * {@code 0014<20 bytes>} for P2WPKH): for nodes whose addresses the caller does not want to encode.
   *
   * @param hrp the network's human-readable part, used only to show the destination as an address
   * @throws InvalidDestinationException if the script is not a valid witness output script
   */
  public static BitcoinTransfer toScript(String scriptHex, String hrp, long amountSat, FeeRate feeRate) {
    byte[] script;
    try {
      script = Hex.decode(scriptHex == null ? "" : scriptHex.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidDestinationException("bad destination script: not hex", e);
    }
    int op = script.length > 0 ? script[0] & 0xff : -1;
    int version = op == 0 ? 0 : op >= 0x51 && op <= 0x60 ? op - 0x50 : -1;
    if (version < 0 || script.length < 4 || (script[1] & 0xff) != script.length - 2) {
      throw new InvalidDestinationException(
          "bad destination script '" + scriptHex + "': not a witness output script (OP_n <program>)");
    }
    try {
      return new BitcoinTransfer(
          SegwitAddress.of(hrp, version, Arrays.copyOfRange(script, 2, script.length)), amountSat, feeRate);
    } catch (InvalidAddressException e) {
      throw new InvalidDestinationException("bad destination script '" + scriptHex + "': " + e.getMessage(), e);
    }
  }
}
