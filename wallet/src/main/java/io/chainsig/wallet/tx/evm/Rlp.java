package io.chainsig.wallet.tx.evm;

import io.chainsig.wallet.tx.MalformedTransactionException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive Length Prefix (Ethereum Yellow Paper, appendix B). Decoding accepts only the canonical
 * encoding, so re-encoding a decoded item gives back the same bytes.
 */
public final class Rlp {
  /** Deeper nesting than any transaction needs is refused rather than recursed into. */
  private static final int MAX_DEPTH = 16;

  private Rlp() {}

  /** Decodes exactly one item filling all of {@code bytes}. */
  public static RlpItem decode(byte[] bytes) {
    int[] end = new int[1];
    RlpItem item = decode(bytes, 0, bytes.length, end, 0);
    if (end[0] != bytes.length) {
      throw new MalformedTransactionException((bytes.length - end[0]) + " bytes after the RLP item");
    }
    return item;
  }

  private static RlpItem decode(byte[] b, int at, int limit, int[] end, int depth) {
    if (depth > MAX_DEPTH) {
      throw new MalformedTransactionException("RLP nested too deeply");
    }
    if (at >= limit) {
      throw new MalformedTransactionException("RLP truncated at offset " + at);
    }
    int prefix = b[at] & 0xff;
    if (prefix < 0x80) {
      end[0] = at + 1;
      return new RlpItem.Bytes(new byte[] {b[at]});
    }
    boolean isList = prefix >= 0xc0;
    int base = isList ? 0xc0 : 0x80;
    int start;
    long length;
    if (prefix - base <= 55) {
      length = prefix - base;
      start = at + 1;
    } else {
      int lengthOfLength = prefix - base - 55;
      if (at + 1 + lengthOfLength > limit) {
        throw new MalformedTransactionException("RLP length truncated at offset " + at);
      }
      if (b[at + 1] == 0) {
        throw new MalformedTransactionException("RLP length with a leading zero at offset " + at);
      }
      length = 0;
      for (int i = 0; i < lengthOfLength; i++) {
        length = (length << 8) | (b[at + 1 + i] & 0xff);
        if (length > Integer.MAX_VALUE) {
          throw new MalformedTransactionException("RLP length too large at offset " + at);
        }
      }
      if (length <= 55) {
        throw new MalformedTransactionException("RLP long form used for a short item at offset " + at);
      }
      start = at + 1 + lengthOfLength;
    }
    if (start + length > limit) {
      throw new MalformedTransactionException("RLP item runs past its container at offset " + at);
    }
    int stop = start + (int) length;
    end[0] = stop;
    if (!isList) {
      if (length == 1 && (b[start] & 0xff) < 0x80) {
        throw new MalformedTransactionException("RLP single byte below 0x80 must encode itself, offset " + at);
      }
      return new RlpItem.Bytes(Arrays.copyOfRange(b, start, stop));
    }
    List<RlpItem> items = new ArrayList<>();
    int[] inner = new int[1];
    for (int p = start; p < stop; p = inner[0]) {
      items.add(decode(b, p, stop, inner, depth + 1));
    }
    return new RlpItem.Items(items);
  }

  /** Encodes an item. */
  public static byte[] encode(RlpItem item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, item);
    return out.toByteArray();
  }

  /** A byte-string item of an unsigned integer in minimal big-endian form (zero is empty). */
  public static RlpItem.Bytes unsigned(BigInteger value) {
    if (value.signum() == 0) {
      return new RlpItem.Bytes(new byte[0]);
    }
    byte[] bytes = value.toByteArray();
    return new RlpItem.Bytes(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }

  private static void write(ByteArrayOutputStream out, RlpItem item) {
    switch (item) {
      case RlpItem.Bytes bytes -> {
        byte[] v = bytes.value();
        if (v.length == 1 && (v[0] & 0xff) < 0x80) {
          out.write(v[0]);
        } else {
          header(out, 0x80, v.length);
          out.writeBytes(v);
        }
      }
      case RlpItem.Items list -> {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        list.items().forEach(child -> write(body, child));
        header(out, 0xc0, body.size());
        out.writeBytes(body.toByteArray());
      }
    }
  }

  private static void header(ByteArrayOutputStream out, int base, int length) {
    if (length <= 55) {
      out.write(base + length);
    } else {
      byte[] len = BigInteger.valueOf(length).toByteArray();
      int skip = len[0] == 0 ? 1 : 0;
      out.write(base + 55 + len.length - skip);
      out.write(len, skip, len.length - skip);
    }
  }
}
