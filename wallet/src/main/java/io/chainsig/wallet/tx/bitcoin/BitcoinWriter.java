package io.chainsig.wallet.tx.bitcoin;

import java.io.ByteArrayOutputStream;

/** The little-endian and CompactSize writes of Bitcoin serialization. */
final class BitcoinWriter {
  private BitcoinWriter() {}

  static void uint32(ByteArrayOutputStream out, long value) {
    littleEndian(out, value, 4);
  }

  static void int64(ByteArrayOutputStream out, long value) {
    littleEndian(out, value, 8);
  }

  private static void littleEndian(ByteArrayOutputStream out, long value, int size) {
    for (int i = 0; i < size; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  static void compactSize(ByteArrayOutputStream out, long value) {
    if (value < 0xfd) {
      out.write((int) value);
    } else if (value <= 0xffff) {
      out.write(0xfd);
      out.write((int) value & 0xff);
      out.write((int) (value >>> 8) & 0xff);
    } else if (value <= 0xffffffffL) {
      out.write(0xfe);
      uint32(out, value);
    } else {
      out.write(0xff);
      int64(out, value);
    }
  }

  static void varBytes(ByteArrayOutputStream out, byte[] bytes) {
    compactSize(out, bytes.length);
    out.writeBytes(bytes);
  }

  static void output(ByteArrayOutputStream out, TxOutput output) {
    int64(out, output.valueSats());
    varBytes(out, output.scriptPubKey());
  }
}
