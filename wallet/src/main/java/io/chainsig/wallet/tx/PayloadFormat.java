package io.chainsig.wallet.tx;

import java.util.Arrays;

/** How a dapp encodes what it wants signed, as named in the {@code format} field of a request. */
public enum PayloadFormat {
  /** A BIP-174 PSBT, base64 or hex. */
  BITCOIN_PSBT("bitcoin-psbt"),
  /** A raw Bitcoin transaction in hex (shown, but not signable: input values are unknown). */
  BITCOIN_TX("bitcoin-tx"),
  /** A serialized EVM transaction in hex: legacy, type 1 or type 2, signed or not. */
  EVM_TX("evm-tx"),
  /** A bare 32-byte hash in hex: blind signing. */
  HASH("hash");

  private final String wireName;

  PayloadFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in requests. */
  public String wireName() {
    return wireName;
  }

  /** The format with a wire name. */
  public static PayloadFormat fromWireName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new MalformedTransactionException(
            "unknown format \"" + name + "\"; use bitcoin-psbt, bitcoin-tx, evm-tx or hash"));
  }
}
