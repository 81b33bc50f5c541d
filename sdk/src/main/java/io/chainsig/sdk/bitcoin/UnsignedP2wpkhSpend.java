package io.chainsig.sdk.bitcoin;

import io.chainsig.derivation.Secp256k1PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.script.Script;

/**
 * A spend of the derived key's P2WPKH outputs before signing: inputs, the destination output and
 * the optional change output back to the same script (version 2, lock time 0).
 *
 * @param selection inputs, amount, fee and change
 * @param destinationScript the destination's output script
 * @param key the derived key that owns every input
 */
public record UnsignedP2wpkhSpend(CoinSelection selection, byte[] destinationScript, Secp256k1PublicKey key) {
  /** Copies the script; rejects missing fields. */
  public UnsignedP2wpkhSpend {
    if (selection == null || destinationScript == null || destinationScript.length == 0 || key == null) {
      throw new IllegalArgumentException("selection, destination script and key are required");
    }
    destinationScript = destinationScript.clone();
  }

  @Override
  public byte[] destinationScript() {
    return destinationScript.clone();
  }

  /** The key's P2WPKH output script: {@code OP_0 <HASH160(compressed key)>}. */
  public byte[] changeScript() {
    return P2wpkhScripts.outputScript(key);
  }

  /** The transaction without witnesses, as bitcoinj's mutable structure (a fresh copy each call). */
  public Transaction toTransaction() {
    Transaction tx = new Transaction();
    tx.setVersion(2);
    tx.setLockTime(0);
    for (Utxo u : selection.inputs()) {
      TransactionOutPoint outpoint = new TransactionOutPoint(u.vout(), Sha256Hash.wrap(u.txid()));
      tx.addInput(new TransactionInput(tx, new byte[0], outpoint, Coin.valueOf(u.valueSat())));
    }
    tx.addOutput(Coin.valueOf(selection.amountSat()), Script.parse(destinationScript));
    if (selection.hasChange()) {
      tx.addOutput(Coin.valueOf(selection.changeSat()), Script.parse(changeScript()));
    }
    return tx;
  }

  /**
   * The BIP143 signature hash of every input for SIGHASH_ALL, in input order: what the signer
   * signs. The script code is the key's P2PKH script, the value the input's amount.
   */
  public List<byte[]> sighashes() {
    Transaction tx = toTransaction();
    byte[] scriptCode = P2wpkhScripts.scriptCode(key);
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < selection.inputs().size(); i++) {
      Coin value = Coin.valueOf(selection.inputs().get(i).valueSat());
      hashes.add(tx.hashForWitnessSignature(i, scriptCode, value, Transaction.SigHash.ALL, false).getBytes());
    }
    return hashes;
  }
}
