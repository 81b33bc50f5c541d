package io.chainsig.wallet.consent;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.wallet.tx.BlindHash;
import io.chainsig.wallet.tx.SignablePayload;
import io.chainsig.wallet.tx.bitcoin.BitcoinPayment;
import io.chainsig.wallet.tx.bitcoin.Psbt;
import io.chainsig.wallet.tx.bitcoin.TestPsbts;
import io.chainsig.wallet.tx.evm.EvmPayment;
import io.chainsig.wallet.tx.evm.EvmTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The transactions of the spec's examples, as real parsed payloads. */
public final class SpecPayloads {
  /** An unsigned EIP-1559 transaction on chain 56 sending 100 BNB. */
  public static final String SEND_100_BNB_HEX =
      "02e8" + "38" + "80" + "01" + "01" + "825208" + "94" + "11".repeat(20) + "89056bc75e2d63100000" + "80" + "c0";

  private SpecPayloads() {}

  /** "Send 100 BTC": a PSBT paying 100 BTC with a 0.0001 BTC fee. */
  public static String send100BtcPsbt() {
    byte[] from = Arrays.copyOf(Hashes.sha256("from".getBytes(StandardCharsets.UTF_8)), 20);
    byte[] to = Arrays.copyOf(Hashes.sha256("to".getBytes(StandardCharsets.UTF_8)), 20);
    return TestPsbts.payment(from, 10_000_010_000L, to, 10_000_000_000L);
  }

  /** The spec's Bitcoin transaction. */
  public static SignablePayload send100Btc() {
    return BitcoinPayment.ofPsbt(Psbt.parseText(send100BtcPsbt()), 0, BitcoinNetwork.MAINNET);
  }

  /** The spec's Binance Smart Chain transaction. */
  public static SignablePayload send100Bnb() {
    return new EvmPayment(EvmTransaction.parse(Hex.decode(SEND_100_BNB_HEX)));
  }

  /** A bare hash. */
  public static SignablePayload blind() {
    return new BlindHash(Hashes.sha256("opaque".getBytes(StandardCharsets.UTF_8)));
  }
}
