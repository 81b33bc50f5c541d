package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.wallet.tx.ByteReader;
import io.chainsig.wallet.tx.MalformedTransactionException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A Bitcoin transaction, read from its network serialization (with or without segwit data). */
public record BitcoinTransaction(long version, List<TxInput> inputs, List<TxOutput> outputs, long lockTime) {
  /** Copies the lists. */
  public BitcoinTransaction {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Parses a whole serialized transaction; trailing bytes are refused. */
  public static BitcoinTransaction parse(byte[] serialized) {
    ByteReader in = new ByteReader(serialized);
    BitcoinTransaction tx = read(in);
    if (!in.atEnd()) {
      throw new MalformedTransactionException(in.remaining() + " bytes after the end of the transaction");
    }
    return tx;
  }

  /** Reads one transaction from a reader (BIP-144: marker 0x00 and flag 0x01 announce witnesses). */
  public static BitcoinTransaction read(ByteReader in) {
    long version = in.readUint32();
    long inputCount = in.readCompactSize();
    boolean segwit = false;
    if (inputCount == 0) {
      int flag = in.readByte();
      if (flag != 1) {
        throw new MalformedTransactionException("segwit flag must be 1, got " + flag);
      }
      segwit = true;
      inputCount = in.readCompactSize();
      if (inputCount == 0) {
        throw new MalformedTransactionException("a transaction needs at least one input");
      }
    }
    bound(inputCount, in, 41, "inputs");
    List<byte[]> txids = new ArrayList<>();
    List<Long> indexes = new ArrayList<>();
    List<byte[]> scripts = new ArrayList<>();
    List<Long> sequences = new ArrayList<>();
    for (long i = 0; i < inputCount; i++) {
      txids.add(in.readBytes(32));
      indexes.add(in.readUint32());
      scripts.add(in.readVarBytes());
      sequences.add(in.readUint32());
    }
    long outputCount = in.readCompactSize();
    bound(outputCount, in, 9, "outputs");
    List<TxOutput> outputs = new ArrayList<>();
    for (long i = 0; i < outputCount; i++) {
      long value = in.readInt64();
      if (value < 0 || value > TxOutput.MAX_MONEY) {
        throw new MalformedTransactionException("output " + i + " has an impossible value: " + value);
      }
      outputs.add(new TxOutput(value, in.readVarBytes()));
    }
    List<List<byte[]>> witnesses = new ArrayList<>();
    for (long i = 0; i < inputCount; i++) {
      List<byte[]> stack = new ArrayList<>();
      if (segwit) {
        long items = in.readCompactSize();
        bound(items, in, 1, "witness items");
        for (long j = 0; j < items; j++) {
          stack.add(in.readVarBytes());
        }
      }
      witnesses.add(stack);
    }
    long lockTime = in.readUint32();
    List<TxInput> inputs = new ArrayList<>();
    for (int i = 0; i < inputCount; i++) {
      inputs.add(new TxInput(txids.get(i), indexes.get(i), scripts.get(i), sequences.get(i), witnesses.get(i)));
    }
    return new BitcoinTransaction(version, inputs, outputs, lockTime);
  }

  private static void bound(long count, ByteReader in, int minBytesEach, String what) {
    if (count > in.remaining() / minBytesEach) {
      throw new MalformedTransactionException("too many " + what + " (" + count + ") for the bytes left");
    }
  }

  /** The serialization without witnesses (what the txid hashes). */
  public byte[] serializeWithoutWitness() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BitcoinWriter.uint32(out, version);
    BitcoinWriter.compactSize(out, inputs.size());
    for (TxInput input : inputs) {
      out.writeBytes(input.prevTxidInternal());
      BitcoinWriter.uint32(out, input.prevIndex());
      BitcoinWriter.varBytes(out, input.scriptSig());
      BitcoinWriter.uint32(out, input.sequence());
    }
    BitcoinWriter.compactSize(out, outputs.size());
    for (TxOutput output : outputs) {
      BitcoinWriter.output(out, output);
    }
    BitcoinWriter.uint32(out, lockTime);
    return out.toByteArray();
  }

  /** The transaction id as explorers show it. */
  public String txid() {
    return Hex.encode(Bytes.reversed(Hashes.sha256d(serializeWithoutWitness())));
  }

  /** Sum of all outputs in satoshis. */
  public long totalOutputSats() {
    return outputs.stream().mapToLong(TxOutput::valueSats).sum();
  }
}
