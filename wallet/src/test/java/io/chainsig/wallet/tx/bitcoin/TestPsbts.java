package io.chainsig.wallet.tx.bitcoin;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Builds small PSBTs for tests: one P2WPKH input (with its witness UTXO) paying one P2WPKH output. */
public final class TestPsbts {
  private TestPsbts() {}

  /**
   * A PSBT spending {@code inputSats} locked to {@code fromKeyHash} and paying {@code sendSats} to
   * {@code toKeyHash}; the difference is the fee.
   */
  public static String payment(byte[] fromKeyHash, long inputSats, byte[] toKeyHash, long sendSats) {
    return payment(fromKeyHash, inputSats, toKeyHash, sendSats, 0);
  }

  /** As {@link #payment(byte[], long, byte[], long)}, with {@code changeSats} paid back to {@code fromKeyHash} if positive. */
  public static String payment(byte[] fromKeyHash, long inputSats, byte[] toKeyHash, long sendSats, long changeSats) {
    ByteArrayOutputStream tx = new ByteArrayOutputStream();
    BitcoinWriter.uint32(tx, 2);
    BitcoinWriter.compactSize(tx, 1);
    byte[] prevTxid = new byte[32];
    for (int i = 0; i < 32; i++) {
      prevTxid[i] = (byte) (0xa0 + i);
    }
    tx.writeBytes(prevTxid);
    BitcoinWriter.uint32(tx, 0);
    BitcoinWriter.compactSize(tx, 0);
    BitcoinWriter.uint32(tx, 0xfffffffdL);
    BitcoinWriter.compactSize(tx, changeSats > 0 ? 2 : 1);
    BitcoinWriter.output(tx, new TxOutput(sendSats, p2wpkh(toKeyHash)));
    if (changeSats > 0) {
      BitcoinWriter.output(tx, new TxOutput(changeSats, p2wpkh(fromKeyHash)));
    }
    BitcoinWriter.uint32(tx, 0);

    ByteArrayOutputStream psbt = new ByteArrayOutputStream();
    psbt.writeBytes(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
    BitcoinWriter.varBytes(psbt, new byte[] {0x00});
    BitcoinWriter.varBytes(psbt, tx.toByteArray());
    psbt.write(0);
    BitcoinWriter.varBytes(psbt, new byte[] {0x01});
    ByteArrayOutputStream utxo = new ByteArrayOutputStream();
    BitcoinWriter.output(utxo, new TxOutput(inputSats, p2wpkh(fromKeyHash)));
    BitcoinWriter.varBytes(psbt, utxo.toByteArray());
    psbt.write(0); // end of the input map
    psbt.write(0); // end of the first output map
    if (changeSats > 0) {
      psbt.write(0); // end of the change output map
    }
    return Base64.getEncoder().encodeToString(psbt.toByteArray());
  }

  private static byte[] p2wpkh(byte[] keyHash) {
    byte[] script = new byte[22];
    script[1] = 20;
    System.arraycopy(keyHash, 0, script, 2, 20);
    return script;
  }
}
