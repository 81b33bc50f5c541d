package io.chainsig.sdk.bitcoin;

import io.chainsig.crypto.Hashes;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A from-the-spec BIP143 signature hash (SIGHASH_ALL), written in the test without bitcoinj, to
 * check the SDK's sighashes independently.
 */
final class IndependentBip143 {
  /** An input: previous txid in internal byte order (reversed display hex), index, sequence. */
  record Input(byte[] txidInternal, long vout, long sequence) {}

  /** An output: value and script. */
  record Output(long value, byte[] script) {}

  private IndependentBip143() {}

  static byte[] sighashAll(long version, List<Input> inputs, List<Output> outputs, long lockTime,
      int index, byte[] scriptCode, long amount) {
    ByteArrayOutputStream prevouts = new ByteArrayOutputStream();
    ByteArrayOutputStream sequences = new ByteArrayOutputStream();
    for (Input in : inputs) {
      prevouts.writeBytes(in.txidInternal());
      le(prevouts, in.vout(), 4);
      le(sequences, in.sequence(), 4);
    }
    ByteArrayOutputStream outs = new ByteArrayOutputStream();
    for (Output o : outputs) {
      le(outs, o.value(), 8);
      outs.write(o.script().length);
      outs.writeBytes(o.script());
    }
    ByteArrayOutputStream pre = new ByteArrayOutputStream();
    le(pre, version, 4);
    pre.writeBytes(Hashes.sha256d(prevouts.toByteArray()));
    pre.writeBytes(Hashes.sha256d(sequences.toByteArray()));
    Input in = inputs.get(index);
    pre.writeBytes(in.txidInternal());
    le(pre, in.vout(), 4);
    pre.write(scriptCode.length);
    pre.writeBytes(scriptCode);
    le(pre, amount, 8);
    le(pre, in.sequence(), 4);
    pre.writeBytes(Hashes.sha256d(outs.toByteArray()));
    le(pre, lockTime, 4);
    le(pre, 1, 4);
    return Hashes.sha256d(pre.toByteArray());
  }

  private static void le(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }
}
