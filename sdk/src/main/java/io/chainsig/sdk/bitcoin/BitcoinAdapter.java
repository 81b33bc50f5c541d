package io.chainsig.sdk.bitcoin;

import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.ConfirmationTimeoutException;
import io.chainsig.sdk.RpcErrorException;
import io.chainsig.sdk.TransactionRejectedException;
import io.chainsig.sdk.signer.PayloadSigner;
import io.chainsig.sdk.signer.VerifiedSignature;
import io.chainsig.sdk.signer.VerifyingSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Spends the P2WPKH outputs of a derived key on a Bitcoin Core compatible node: finds them by
 * script, selects coins at a fee rate (before any signature is requested), gets one BIP143 sighash
 * per input signed through the {@link PayloadSigner} port, verifies each signature, assembles the
 * witnesses, checks the node would accept the transaction ({@code testmempoolaccept}) and
 * broadcasts it. Change goes back to the same script.
 */
public final class BitcoinAdapter {
  /** The default smallest change output: Bitcoin Core's dust threshold for non-segwit outputs. */
  public static final long DEFAULT_DUST_LIMIT_SAT = 546;

  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final BitcoinNode node;
  private final String addressHrp;
  private final Secp256k1PublicKey key;
  private final VerifyingSigner signer;
  private final long dustLimitSat;

  /**
   * An adapter for one derived key.
   *
   * @param node the node to talk to
   * @param addressHrp the human-readable part of the network's segwit addresses ({@code bc},
   *     {@code tb}, {@code bcrt}, {@code rltc} ...): destinations must use it
   * @param derivedKey the key the signer signs with, computed independently of the signer
   * @param signer the signer port
   * @param dustLimitSat change below this is left to the fee
   */
  public BitcoinAdapter(
      BitcoinNode node, String addressHrp, Secp256k1PublicKey derivedKey, PayloadSigner signer, long dustLimitSat) {
    if (node == null || addressHrp == null || addressHrp.isEmpty() || dustLimitSat < 0) {
      throw new IllegalArgumentException("node, address hrp and a non-negative dust limit are required");
    }
    this.node = node;
    this.addressHrp = addressHrp;
    this.key = derivedKey;
    this.signer = new VerifyingSigner(derivedKey, signer);
    this.dustLimitSat = dustLimitSat;
    address(); // rejects an hrp bech32 cannot carry
  }

  /** An adapter with the default dust limit. */
  public BitcoinAdapter(BitcoinNode node, String addressHrp, Secp256k1PublicKey derivedKey, PayloadSigner signer) {
    this(node, addressHrp, derivedKey, signer, DEFAULT_DUST_LIMIT_SAT);
  }

  /** The derived key's P2WPKH address on this network. */
  public SegwitAddress address() {
    return SegwitAddress.of(addressHrp, 0, Arrays.copyOfRange(scriptPubKey(), 2, 22));
  }

  /** The derived key's P2WPKH output script. */
  public byte[] scriptPubKey() {
    return P2wpkhScripts.outputScript(key);
  }

  /** The derived script's spendable outputs. */
  public List<Utxo> unspentOutputs() {
    return node.unspentOutputs(scriptPubKey());
  }

  /** The sum of {@link #unspentOutputs()}. */
  public long balanceSat() {
    return unspentOutputs().stream().mapToLong(Utxo::valueSat).sum();
  }

  /**
   * Selects inputs and builds the unsigned spend.
   *
   * @throws io.chainsig.sdk.InsufficientFundsException if the outputs cannot pay amount plus fee
   */
  public UnsignedP2wpkhSpend prepare(BitcoinTransfer transfer) {
    byte[] destination = transfer.destination().scriptPubKey();
    CoinSelection selection = CoinSelector.select(unspentOutputs(), transfer.amountSat(), destination.length,
        scriptPubKey().length, transfer.feeRate(), dustLimitSat);
    return new UnsignedP2wpkhSpend(selection, destination, key);
  }

  /**
   * Gets every input's sighash signed and verified, and assembles the witnesses.
   *
   * @throws io.chainsig.sdk.SignatureRefusedException if the signer refused any of them
   * @throws io.chainsig.sdk.InvalidSignatureException if a signature does not verify
   */
  public SignedBitcoinTransaction sign(UnsignedP2wpkhSpend spend) {
    List<VerifiedSignature> signatures = new ArrayList<>();
    for (byte[] sighash : spend.sighashes()) {
      signatures.add(signer.sign(sighash));
    }
    return SignedBitcoinTransaction.assemble(spend, signatures);
  }

  /**
   * Asks the node whether it would accept the transaction, then broadcasts it.
   *
   * @return the txid
   * @throws TransactionRejectedException if {@code testmempoolaccept} says no (nothing is sent)
   */
  public String broadcast(SignedBitcoinTransaction signed) {
    MempoolAcceptance verdict = node.testMempoolAccept(signed.raw());
    if (!verdict.allowed()) {
      throw new TransactionRejectedException(
          "the node would not accept transaction " + signed.txid() + ": " + verdict.rejectReason());
    }
    String txid = node.sendRawTransaction(signed.raw());
    if (!signed.txid().equals(txid)) {
      throw new RpcErrorException("the node reported txid " + txid + " for transaction " + signed.txid());
    }
    return txid;
  }

  /** Prepares, signs and broadcasts; returns the signed transaction that was sent. */
  public SignedBitcoinTransaction send(BitcoinTransfer transfer) {
    SignedBitcoinTransaction signed = sign(prepare(transfer));
    broadcast(signed);
    return signed;
  }

  /**
   * Waits until output {@code vout} of a transaction has at least {@code confirmations}
   * confirmations (the output must still be unspent while waiting).
   *
   * @return the confirmations seen
   * @throws ConfirmationTimeoutException if that does not happen in time
   */
  public long awaitConfirmations(String txid, int vout, int confirmations, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      OptionalLong seen = node.confirmations(txid, vout);
      if (seen.isPresent() && seen.getAsLong() >= confirmations) {
        return seen.getAsLong();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ConfirmationTimeoutException("transaction " + txid + " has "
            + (seen.isPresent() ? seen.getAsLong() : "no") + " confirmations after " + timeout.toMillis()
            + " ms (wanted " + confirmations + ")");
      }
      try {
        Thread.sleep(POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConfirmationTimeoutException("interrupted while waiting for confirmations of " + txid);
      }
    }
  }
}
