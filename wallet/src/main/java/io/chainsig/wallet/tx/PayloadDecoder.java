package io.chainsig.wallet.tx;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.wallet.tx.bitcoin.BitcoinPayment;
import io.chainsig.wallet.tx.bitcoin.BitcoinTransaction;
import io.chainsig.wallet.tx.bitcoin.Psbt;
import io.chainsig.wallet.tx.evm.EvmNetworks;
import io.chainsig.wallet.tx.evm.EvmPayment;
import io.chainsig.wallet.tx.evm.EvmTransaction;
import java.util.Optional;

/** Turns a dapp's {@code format} and {@code data} into a {@link SignablePayload}. */
public final class PayloadDecoder {
  private PayloadDecoder() {}

  /**
   * Decodes a payload.
   *
   * @param inputToSign for Bitcoin formats, which input the signature is for
   * @param bitcoinNetwork the network Bitcoin addresses are written for (from the key's coin type)
   */
  public static SignablePayload decode(PayloadFormat format, String data, int inputToSign, BitcoinNetwork bitcoinNetwork) {
    return decode(format, data, inputToSign, bitcoinNetwork, Optional.empty());
  }

  /** Decodes a payload knowing the public key that will sign it (shown as the sender; change spotted). */
  public static SignablePayload decode(
      PayloadFormat format, String data, int inputToSign, BitcoinNetwork bitcoinNetwork, Optional<Secp256k1PublicKey> key) {
    try {
      return switch (format) {
        case BITCOIN_PSBT -> BitcoinPayment.ofPsbt(Psbt.parseText(data), inputToSign, bitcoinNetwork, key);
        case BITCOIN_TX -> BitcoinPayment.ofRawTransaction(BitcoinTransaction.parse(hex(data)), inputToSign, bitcoinNetwork, key);
        case EVM_TX -> new EvmPayment(EvmTransaction.parse(hex(data)), EvmNetworks.standard(), key);
        case HASH -> new BlindHash(hex(data));
      };
    } catch (MalformedTransactionException | NotSignableException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new MalformedTransactionException(format.wireName() + " data is malformed: " + e.getMessage());
    }
  }

  private static byte[] hex(String data) {
    String text = data.strip();
    return Hex.decode(text.startsWith("0x") ? text.substring(2) : text);
  }
}
