package io.chainsig.wallet.tx.evm;

import io.chainsig.wallet.tx.MalformedTransactionException;
import java.math.BigInteger;
import java.util.List;

/** A decoded RLP item: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Bytes, RlpItem.Items {
  /** A byte string. */
  record Bytes(byte[] value) implements RlpItem {
    /** Copies the bytes. */
    public Bytes {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** The bytes as an unsigned big-endian integer; leading zeros are refused (not canonical). */
    public BigInteger asUnsigned(String field) {
      if (value.length > 0 && value[0] == 0) {
        throw new MalformedTransactionException(field + " has a leading zero byte");
      }
      if (value.length > 32) {
        throw new MalformedTransactionException(field + " is longer than 256 bits");
      }
      return new BigInteger(1, value);
    }
  }

  /** A list. */
  record Items(List<RlpItem> items) implements RlpItem {
    /** Copies the list. */
    public Items {
      items = List.copyOf(items);
    }
  }

  /** This item as a byte string, or a parse error naming the field. */
  default Bytes bytes(String field) {
    if (this instanceof Bytes b) {
      return b;
    }
    throw new MalformedTransactionException(field + " must be a byte string, not a list");
  }

  /** This item as a list, or a parse error naming the field. */
  default Items list(String field) {
    if (this instanceof Items l) {
      return l;
    }
    throw new MalformedTransactionException(field + " must be a list");
  }
}
