package io.chainsig.wallet.tx.bitcoin;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a PSBT says about one input: the output it spends (whole previous transaction or just the
 * witness output), its redeem script and requested sighash type.
 */
public record PsbtInput(
    Optional<BitcoinTransaction> nonWitnessUtxo,
    Optional<TxOutput> witnessUtxo,
    Optional<byte[]> redeemScript,
    OptionalLong sighashType) {
  /** Copies the redeem script. */
  public PsbtInput {
    redeemScript = redeemScript.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> redeemScript() {
    return redeemScript.map(byte[]::clone);
  }

  /** A PSBT input with nothing known. */
  public static PsbtInput unknown() {
    return new PsbtInput(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());
  }
}
