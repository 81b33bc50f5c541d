package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.Hashes;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.wallet.tx.NotSignableException;
import io.chainsig.wallet.tx.SignablePayload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A Bitcoin transaction to sign one input of. Built from a PSBT (which says what each input
 * spends, so the fee is known and the segwit signature hash can be computed) or from a raw
 * transaction (shown, but not signable: without input values the wallet cannot build the hash).
 */
public final class BitcoinPayment implements SignablePayload {
  private final BitcoinTransaction tx;
  private final List<Optional<TxOutput>> spentOutputs;
  private final List<Optional<byte[]>> redeemScripts;
  private final List<OptionalLong> sighashTypes;
  private final int inputToSign;
  private final BitcoinNetwork network;
  private final Optional<Secp256k1PublicKey> signingKey;

  private BitcoinPayment(
      BitcoinTransaction tx,
      List<Optional<TxOutput>> spentOutputs,
      List<Optional<byte[]>> redeemScripts,
      List<OptionalLong> sighashTypes,
      int inputToSign,
      BitcoinNetwork network,
      Optional<Secp256k1PublicKey> signingKey) {
    if (inputToSign < 0 || inputToSign >= tx.inputs().size()) {
      throw new NotSignableException(
          "input " + inputToSign + " does not exist: the transaction has " + tx.inputs().size() + " input(s)");
    }
    this.tx = tx;
    this.spentOutputs = List.copyOf(spentOutputs);
    this.redeemScripts = List.copyOf(redeemScripts);
    this.sighashTypes = List.copyOf(sighashTypes);
    this.inputToSign = inputToSign;
    this.network = network;
    this.signingKey = signingKey;
  }

  /** A raw transaction: outputs and inputs are shown; the fee and signing hash are unknown. */
  public static BitcoinPayment ofRawTransaction(BitcoinTransaction tx, int inputToSign, BitcoinNetwork network) {
    return ofRawTransaction(tx, inputToSign, network, Optional.empty());
  }

  /** As {@link #ofRawTransaction(BitcoinTransaction, int, BitcoinNetwork)}, knowing the signing key. */
  public static BitcoinPayment ofRawTransaction(
      BitcoinTransaction tx, int inputToSign, BitcoinNetwork network, Optional<Secp256k1PublicKey> signingKey) {
    int n = tx.inputs().size();
    return new BitcoinPayment(
        tx,
        Collections.nCopies(n, Optional.empty()),
        Collections.nCopies(n, Optional.empty()),
        Collections.nCopies(n, OptionalLong.empty()),
        inputToSign,
        network,
        signingKey);
  }

  /** A PSBT: what each input spends comes from its input map. */
  public static BitcoinPayment ofPsbt(Psbt psbt, int inputToSign, BitcoinNetwork network) {
    return ofPsbt(psbt, inputToSign, network, Optional.empty());
  }

  /**
   * As {@link #ofPsbt(Psbt, int, BitcoinNetwork)}, knowing the signing key: outputs back to its
   * P2WPKH address are shown as change, and an input it does not control is pointed out.
   */
  public static BitcoinPayment ofPsbt(
      Psbt psbt, int inputToSign, BitcoinNetwork network, Optional<Secp256k1PublicKey> signingKey) {
    List<Optional<TxOutput>> spent = new ArrayList<>();
    for (int i = 0; i < psbt.inputs().size(); i++) {
      spent.add(psbt.spentOutput(i));
    }
    return new BitcoinPayment(
        psbt.unsignedTx(),
        spent,
        psbt.inputs().stream().map(PsbtInput::redeemScript).toList(),
        psbt.inputs().stream().map(PsbtInput::sighashType).toList(),
        inputToSign,
        network,
        signingKey);
  }

  /** The transaction. */
  public BitcoinTransaction transaction() {
    return tx;
  }

  /** Inputs minus outputs, when the value of every input is known. */
  public OptionalLong feeSats() {
    long in = 0;
    for (Optional<TxOutput> spent : spentOutputs) {
      if (spent.isEmpty()) {
        return OptionalLong.empty();
      }
      in += spent.get().valueSats();
    }
    return OptionalLong.of(in - tx.totalOutputSats());
  }

  @Override
  public Set<Long> coinTypes() {
    return Set.of(0L, 1L);
  }

  @Override
  public String networkName() {
    return network == BitcoinNetwork.MAINNET ? "Bitcoin" : "Bitcoin " + network.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public List<String> description() {
    List<String> lines = new ArrayList<>();
    Optional<byte[]> ownScript = signingKey.map(key -> SegwitAddress.p2wpkh(network, key).scriptPubKey());
    long sent = tx.outputs().stream()
        .filter(o -> ownScript.isEmpty() || !Arrays.equals(o.scriptPubKey(), ownScript.get()))
        .mapToLong(TxOutput::valueSats).sum();
    lines.add("Send " + BitcoinAmount.format(sent));
    for (TxOutput output : tx.outputs()) {
      boolean change = ownScript.isPresent() && Arrays.equals(output.scriptPubKey(), ownScript.get());
      lines.add(BitcoinAmount.format(output.valueSats()) + " to " + BitcoinScripts.destination(output.scriptPubKey(), network)
          + (change ? " (change back to this key)" : ""));
    }
    OptionalLong fee = feeSats();
    if (fee.isPresent() && fee.getAsLong() < 0) {
      lines.add("Invalid: the outputs spend " + BitcoinAmount.format(-fee.getAsLong()) + " more than the inputs hold");
    } else if (fee.isPresent()) {
      lines.add("Network fee: " + BitcoinAmount.format(fee.getAsLong()));
    } else {
      lines.add("Network fee: unknown (the values of the inputs were not given)");
    }
    TxInput input = tx.inputs().get(inputToSign);
    lines.add("Signs input " + inputToSign + " of " + tx.inputs().size() + ", spending " + input.prevTxid() + ":"
        + input.prevIndex() + spentOutputs.get(inputToSign).map(o -> " (" + BitcoinAmount.format(o.valueSats()) + ")").orElse(""));
    signingKey.ifPresent(key -> lines.add("Signing key address: " + SegwitAddress.p2wpkh(network, key).encode()));
    if (ownScript.isPresent() && spentOutputs.get(inputToSign).isPresent()
        && !Arrays.equals(spentOutputs.get(inputToSign).get().scriptPubKey(), ownScript.get())) {
      lines.add("Note: input " + inputToSign + " is not locked to this key's P2WPKH address");
    }
    if (tx.lockTime() != 0) {
      lines.add("Lock time: " + tx.lockTime());
    }
    return List.copyOf(lines);
  }

  @Override
  public byte[] signingHash() {
    OptionalLong fee = feeSats();
    if (fee.isPresent() && fee.getAsLong() < 0) {
      throw new NotSignableException("the outputs spend more than the inputs hold");
    }
    OptionalLong sighash = sighashTypes.get(inputToSign);
    if (sighash.isPresent() && sighash.getAsLong() != Bip143Sighash.SIGHASH_ALL) {
      throw new NotSignableException("only SIGHASH_ALL is signed; the PSBT asks for type " + sighash.getAsLong());
    }
    TxOutput spent = spentOutputs.get(inputToSign).orElseThrow(() -> new NotSignableException(
        "the value and script of input " + inputToSign + " are unknown: send a PSBT with its witness UTXO"));
    byte[] script = spent.scriptPubKey();
    if (BitcoinScripts.isP2sh(script)) {
      byte[] redeem = redeemScripts.get(inputToSign).orElseThrow(() -> new NotSignableException(
          "input " + inputToSign + " spends a P2SH output: the PSBT must give its redeem script"));
      if (!Arrays.equals(Hashes.hash160(redeem), Arrays.copyOfRange(script, 2, 22))) {
        throw new NotSignableException("the redeem script of input " + inputToSign + " does not match its P2SH output");
      }
      script = redeem;
    }
    if (!BitcoinScripts.isP2wpkh(script)) {
      throw new NotSignableException(
          "only segwit v0 key-hash inputs (P2WPKH or P2SH-P2WPKH) are signed; input " + inputToSign + " is not one");
    }
    return Bip143Sighash.sighashAll(tx, inputToSign, Bip143Sighash.p2wpkhScriptCode(script), spent.valueSats());
  }
}
