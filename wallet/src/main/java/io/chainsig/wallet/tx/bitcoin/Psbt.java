package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.wallet.tx.ByteReader;
import io.chainsig.wallet.tx.MalformedTransactionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A Partially Signed Bitcoin Transaction (BIP-174, version 0): the unsigned transaction and, per
 * input, the spent output. A full previous transaction must hash to the txid the input names, so a
 * dapp cannot lie about an input's value that way.
 */
public record Psbt(BitcoinTransaction unsignedTx, List<PsbtInput> inputs) {
  private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};
  private static final int GLOBAL_UNSIGNED_TX = 0x00;
  private static final int GLOBAL_VERSION = 0xfb;
  private static final int IN_NON_WITNESS_UTXO = 0x00;
  private static final int IN_WITNESS_UTXO = 0x01;
  private static final int IN_SIGHASH_TYPE = 0x03;
  private static final int IN_REDEEM_SCRIPT = 0x04;

  /** Checks one input entry per transaction input. */
  public Psbt {
    inputs = List.copyOf(inputs);
    if (inputs.size() != unsignedTx.inputs().size()) {
      throw new MalformedTransactionException("PSBT has " + inputs.size() + " input maps for "
          + unsignedTx.inputs().size() + " inputs");
    }
  }

  /** Parses base64 (as PSBTs are usually passed around) or hex. */
  public static Psbt parseText(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("cHNidP8")) {
      try {
        return parse(Base64.getDecoder().decode(trimmed));
      } catch (IllegalArgumentException e) {
        if (e instanceof MalformedTransactionException m) {
          throw m;
        }
        throw new MalformedTransactionException("PSBT is not valid base64: " + e.getMessage());
      }
    }
    return parse(Hex.decode(trimmed.startsWith("0x") ? trimmed.substring(2) : trimmed));
  }

  /** Parses the binary format. */
  public static Psbt parse(byte[] bytes) {
    ByteReader in = new ByteReader(bytes);
    if (in.remaining() < MAGIC.length || !Arrays.equals(in.readBytes(MAGIC.length), MAGIC)) {
      throw new MalformedTransactionException("not a PSBT: it must start with the bytes 'psbt' 0xff");
    }
    BitcoinTransaction tx = null;
    Set<String> keys = new HashSet<>();
    for (byte[] key = in.readVarBytes(); key.length > 0; key = in.readVarBytes()) {
      byte[] value = in.readVarBytes();
      requireUnique(keys, key, "global");
      int type = key[0] & 0xff;
      if (type == GLOBAL_UNSIGNED_TX) {
        requireKeyLength(key, 1, "unsigned transaction");
        tx = BitcoinTransaction.parse(value);
      } else if (type == GLOBAL_VERSION) {
        if (value.length != 4 || new ByteReader(value).readUint32() != 0) {
          throw new MalformedTransactionException("only PSBT version 0 is supported");
        }
      }
    }
    if (tx == null) {
      throw new MalformedTransactionException("PSBT has no unsigned transaction");
    }
    for (TxInput input : tx.inputs()) {
      if (input.scriptSig().length != 0 || !input.witness().isEmpty()) {
        throw new MalformedTransactionException("the transaction inside a PSBT must be unsigned");
      }
    }
    List<PsbtInput> inputs = new ArrayList<>();
    for (int i = 0; i < tx.inputs().size(); i++) {
      inputs.add(readInput(in, tx.inputs().get(i), i));
    }
    for (int i = 0; i < tx.outputs().size(); i++) {
      Set<String> outputKeys = new HashSet<>();
      for (byte[] key = in.readVarBytes(); key.length > 0; key = in.readVarBytes()) {
        requireUnique(outputKeys, key, "output " + i);
        in.readVarBytes();
      }
    }
    if (!in.atEnd()) {
      throw new MalformedTransactionException(in.remaining() + " bytes after the end of the PSBT");
    }
    return new Psbt(tx, inputs);
  }

  private static PsbtInput readInput(ByteReader in, TxInput txInput, int index) {
    Optional<BitcoinTransaction> previous = Optional.empty();
    Optional<TxOutput> witnessUtxo = Optional.empty();
    Optional<byte[]> redeemScript = Optional.empty();
    OptionalLong sighash = OptionalLong.empty();
    Set<String> keys = new HashSet<>();
    for (byte[] key = in.readVarBytes(); key.length > 0; key = in.readVarBytes()) {
      byte[] value = in.readVarBytes();
      requireUnique(keys, key, "input " + index);
      switch (key[0] & 0xff) {
        case IN_NON_WITNESS_UTXO -> {
          requireKeyLength(key, 1, "non-witness UTXO");
          BitcoinTransaction prev = BitcoinTransaction.parse(value);
          if (!prev.txid().equals(txInput.prevTxid())) {
            throw new MalformedTransactionException("input " + index + ": the previous transaction given has txid "
                + prev.txid() + " but the input spends " + txInput.prevTxid());
          }
          if (txInput.prevIndex() >= prev.outputs().size()) {
            throw new MalformedTransactionException("input " + index + " spends an output the previous transaction lacks");
          }
          previous = Optional.of(prev);
        }
        case IN_WITNESS_UTXO -> {
          requireKeyLength(key, 1, "witness UTXO");
          ByteReader utxo = new ByteReader(value);
          long amount = utxo.readInt64();
          if (amount < 0 || amount > TxOutput.MAX_MONEY) {
            throw new MalformedTransactionException("input " + index + ": impossible witness UTXO value " + amount);
          }
          witnessUtxo = Optional.of(new TxOutput(amount, utxo.readVarBytes()));
          if (!utxo.atEnd()) {
            throw new MalformedTransactionException("input " + index + ": bytes after the witness UTXO");
          }
        }
        case IN_SIGHASH_TYPE -> {
          requireKeyLength(key, 1, "sighash type");
          if (value.length != 4) {
            throw new MalformedTransactionException("input " + index + ": sighash type has 4 bytes");
          }
          sighash = OptionalLong.of(new ByteReader(value).readUint32());
        }
        case IN_REDEEM_SCRIPT -> {
          requireKeyLength(key, 1, "redeem script");
          redeemScript = Optional.of(value);
        }
        default -> {
          // Other fields (partial signatures, derivation paths, ...) do not change what is shown.
        }
      }
    }
    return new PsbtInput(previous, witnessUtxo, redeemScript, sighash);
  }

  private static void requireUnique(Set<String> seen, byte[] key, String map) {
    if (!seen.add(Hex.encode(key))) {
      throw new MalformedTransactionException("duplicate key " + Hex.encode(key) + " in the " + map + " map");
    }
  }

  private static void requireKeyLength(byte[] key, int length, String field) {
    if (key.length != length) {
      throw new MalformedTransactionException("the " + field + " key must be " + length + " byte(s)");
    }
  }

  /** The output input {@code index} spends, if the PSBT says. */
  public Optional<TxOutput> spentOutput(int index) {
    PsbtInput input = inputs.get(index);
    if (input.witnessUtxo().isPresent()) {
      return input.witnessUtxo();
    }
    long prevIndex = unsignedTx.inputs().get(index).prevIndex();
    return input.nonWitnessUtxo().map(prev -> prev.outputs().get((int) prevIndex));
  }
}
