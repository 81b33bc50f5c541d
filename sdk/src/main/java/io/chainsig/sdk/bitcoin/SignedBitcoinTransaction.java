package io.chainsig.sdk.bitcoin;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.signer.VerifiedSignature;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;

/**
 * A fully signed segwit transaction: one verified signature per input in its witness ({@code
 * <DER signature || SIGHASH_ALL> <compressed key>}). Created only through {@link #assemble}.
 *
 * @param raw the serialised transaction (with witnesses), as broadcast
 * @param txid the transaction id (display order hex)
 * @param vsize the virtual size in vbytes
 * @param feeSat the fee it pays
 */
public record SignedBitcoinTransaction(byte[] raw, String txid, long vsize, long feeSat) {
  private static final byte SIGHASH_ALL = 0x01;

  /** Copies the bytes; rejects missing fields. */
  public SignedBitcoinTransaction {
    if (raw == null || raw.length == 0 || txid == null || vsize <= 0 || feeSat < 0) {
      throw new IllegalArgumentException("raw bytes, txid, size and fee are required");
    }
    raw = raw.clone();
  }

  /**
   * Puts one signature per input into the witnesses, after checking each was made for that input's
   * sighash and key (and, independently of the signer checks, with bitcoinj's ECDSA verification).
   *
   * @throws InvalidSignatureException if a signature is missing, for another payload or key, or
   *     does not verify
   */
  public static SignedBitcoinTransaction assemble(UnsignedP2wpkhSpend spend, List<VerifiedSignature> signatures) {
    List<byte[]> sighashes = spend.sighashes();
    if (signatures.size() != sighashes.size()) {
      throw new InvalidSignatureException(
          "need " + sighashes.size() + " signatures (one per input), got " + signatures.size());
    }
    byte[] compressedKey = spend.key().point().toCompressed();
    Transaction tx = spend.toTransaction();
    for (int i = 0; i < sighashes.size(); i++) {
      VerifiedSignature sig = signatures.get(i);
      if (!Arrays.equals(sig.payload(), sighashes.get(i)) || !sig.publicKey().equals(spend.key())) {
        throw new InvalidSignatureException("signature " + i + " is not for input " + i + "'s sighash and key");
      }
      if (!ECKey.verify(sighashes.get(i), new ECKey.ECDSASignature(sig.r(), sig.s()), compressedKey)) {
        throw new InvalidSignatureException("signature " + i + " does not verify under the derived key");
      }
      byte[] der = sig.toDer();
      byte[] withType = Arrays.copyOf(der, der.length + 1);
      withType[der.length] = SIGHASH_ALL;
      tx.replaceInput(i, tx.getInput(i).withWitness(TransactionWitness.of(withType, compressedKey)));
    }
    return new SignedBitcoinTransaction(tx.serialize(), tx.getTxId().toString(), tx.getVsize(), spend.selection().feeSat());
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** The raw transaction in hex. */
  public String toHex() {
    return Hex.encode(raw);
  }

  /** The fee rate it actually pays, in sat/vB (rounded down). */
  public long feeRateSatPerVbyte() {
    return feeSat / vsize;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedBitcoinTransaction t && Arrays.equals(raw, t.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "SignedBitcoinTransaction[" + txid + ", " + vsize + " vB, fee " + feeSat + " sat]";
  }
}
