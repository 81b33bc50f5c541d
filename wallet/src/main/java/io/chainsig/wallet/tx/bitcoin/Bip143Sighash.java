package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.Hashes;
import java.io.ByteArrayOutputStream;

/**
 * The BIP-143 signature hash of a segwit v0 input with {@code SIGHASH_ALL}: it commits to the value
 * of the spent output, so a signature is useless if the wallet was told a wrong amount.
 */
public final class Bip143Sighash {
  /** Sign every input and every output. */
  public static final int SIGHASH_ALL = 1;

  private Bip143Sighash() {}

  /** The script code of a P2WPKH program: {@code OP_DUP OP_HASH160 <20 bytes> OP_EQUALVERIFY OP_CHECKSIG}. */
  public static byte[] p2wpkhScriptCode(byte[] witnessProgramScript) {
    if (!BitcoinScripts.isP2wpkh(witnessProgramScript)) {
      throw new IllegalArgumentException("not a P2WPKH program");
    }
    byte[] code = new byte[25];
    code[0] = 0x76;
    code[1] = (byte) 0xa9;
    code[2] = 20;
    System.arraycopy(witnessProgramScript, 2, code, 3, 20);
    code[23] = (byte) 0x88;
    code[24] = (byte) 0xac;
    return code;
  }

  /** The hash to sign for input {@code index} spending {@code amountSats} locked by {@code scriptCode}. */
  public static byte[] sighashAll(BitcoinTransaction tx, int index, byte[] scriptCode, long amountSats) {
    ByteArrayOutputStream prevouts = new ByteArrayOutputStream();
    ByteArrayOutputStream sequences = new ByteArrayOutputStream();
    for (TxInput input : tx.inputs()) {
      prevouts.writeBytes(input.prevTxidInternal());
      BitcoinWriter.uint32(prevouts, input.prevIndex());
      BitcoinWriter.uint32(sequences, input.sequence());
    }
    ByteArrayOutputStream outputs = new ByteArrayOutputStream();
    for (TxOutput output : tx.outputs()) {
      BitcoinWriter.output(outputs, output);
    }
    TxInput signed = tx.inputs().get(index);
    ByteArrayOutputStream preimage = new ByteArrayOutputStream();
    BitcoinWriter.uint32(preimage, tx.version());
    preimage.writeBytes(Hashes.sha256d(prevouts.toByteArray()));
    preimage.writeBytes(Hashes.sha256d(sequences.toByteArray()));
    preimage.writeBytes(signed.prevTxidInternal());
    BitcoinWriter.uint32(preimage, signed.prevIndex());
    BitcoinWriter.varBytes(preimage, scriptCode);
    BitcoinWriter.int64(preimage, amountSats);
    BitcoinWriter.uint32(preimage, signed.sequence());
    preimage.writeBytes(Hashes.sha256d(outputs.toByteArray()));
    BitcoinWriter.uint32(preimage, tx.lockTime());
    BitcoinWriter.uint32(preimage, SIGHASH_ALL);
    return Hashes.sha256d(preimage.toByteArray());
  }
}
