package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.encoding.Hex;
import java.util.List;

/**
 * One input of a Bitcoin transaction: the output it spends, its script and witness, its sequence.
 *
 * @param prevTxidInternal the spent transaction's id in internal (serialized) byte order
 */
public record TxInput(byte[] prevTxidInternal, long prevIndex, byte[] scriptSig, long sequence, List<byte[]> witness) {
  /** Validates and copies. */
  public TxInput {
    if (prevTxidInternal.length != 32) {
      throw new IllegalArgumentException("a txid has 32 bytes");
    }
    prevTxidInternal = prevTxidInternal.clone();
    scriptSig = scriptSig.clone();
    witness = witness.stream().map(byte[]::clone).toList();
  }

  /** The spent transaction's id as explorers show it (reversed byte order). */
  public String prevTxid() {
    return Hex.encode(Bytes.reversed(prevTxidInternal));
  }

  @Override
  public byte[] prevTxidInternal() {
    return prevTxidInternal.clone();
  }

  @Override
  public byte[] scriptSig() {
    return scriptSig.clone();
  }

  @Override
  public String toString() {
    return "TxInput[" + prevTxid() + ":" + prevIndex + "]";
  }
}
