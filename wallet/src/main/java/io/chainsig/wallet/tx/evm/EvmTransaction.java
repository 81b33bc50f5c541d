package io.chainsig.wallet.tx.evm;

import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.wallet.tx.MalformedTransactionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An EVM transaction, signed or unsigned: legacy (with or without EIP-155 chain id), EIP-2930
 * (type 1) or EIP-1559 (type 2).
 *
 * @param type 0 (legacy), 1 or 2
 * @param chainId absent only for a legacy transaction without EIP-155 replay protection
 * @param to absent for contract creation
 * @param maxFeePerGasWei the gas price (legacy, type 1) or max fee per gas (type 2)
 * @param signingPreimage the bytes whose Keccak-256 is signed; absent when there is no chain id
 * @param signed whether the bytes carried a signature
 */
public record EvmTransaction(
    int type,
    OptionalLong chainId,
    BigInteger nonce,
    BigInteger gasLimit,
    BigInteger maxFeePerGasWei,
    Optional<EvmAddress> to,
    BigInteger valueWei,
    byte[] data,
    Optional<byte[]> signingPreimage,
    boolean signed) {
  private static final BigInteger MAX_CHAIN_ID = BigInteger.valueOf(Long.MAX_VALUE);

  /** Copies byte arrays. */
  public EvmTransaction {
    data = data.clone();
    signingPreimage = signingPreimage.map(byte[]::clone);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public Optional<byte[]> signingPreimage() {
    return signingPreimage.map(byte[]::clone);
  }

  /** Parses the serialized transaction (as sent with eth_sendRawTransaction, or its unsigned form). */
  public static EvmTransaction parse(byte[] bytes) {
    if (bytes.length == 0) {
      throw new MalformedTransactionException("empty EVM transaction");
    }
    int first = bytes[0] & 0xff;
    if (first >= 0xc0) {
      return legacy(Rlp.decode(bytes).list("transaction").items());
    }
    if (first == 1 || first == 2) {
      byte[] body = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
      return typed(first, Rlp.decode(body).list("transaction").items());
    }
    throw new MalformedTransactionException(
        "unsupported EVM transaction type 0x" + Integer.toHexString(first) + " (legacy, 1 and 2 are supported)");
  }

  private static EvmTransaction legacy(List<RlpItem> f) {
    if (f.size() != 6 && f.size() != 9) {
      throw new MalformedTransactionException("a legacy transaction has 6 or 9 fields, got " + f.size());
    }
    BigInteger nonce = uint(f, 0, "nonce");
    BigInteger gasPrice = uint(f, 1, "gasPrice");
    BigInteger gas = uint(f, 2, "gasLimit");
    Optional<EvmAddress> to = to(f.get(3));
    BigInteger value = uint(f, 4, "value");
    byte[] data = f.get(5).bytes("data").value();
    if (f.size() == 6) {
      return new EvmTransaction(0, OptionalLong.empty(), nonce, gas, gasPrice, to, value, data, Optional.empty(), false);
    }
    BigInteger v = uint(f, 6, "v");
    BigInteger r = uint(f, 7, "r");
    BigInteger s = uint(f, 8, "s");
    boolean signed = r.signum() != 0 || s.signum() != 0;
    BigInteger chainId;
    if (!signed) {
      chainId = v; // EIP-155 unsigned form: [.., chainId, 0, 0]
    } else if (v.compareTo(BigInteger.valueOf(35)) >= 0) {
      chainId = v.subtract(BigInteger.valueOf(35)).shiftRight(1);
    } else if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
      return new EvmTransaction(0, OptionalLong.empty(), nonce, gas, gasPrice, to, value, data, Optional.empty(), true);
    } else {
      throw new MalformedTransactionException("legacy signature v must be 27, 28 or at least 35, got " + v);
    }
    long id = chainId(chainId);
    List<RlpItem> unsigned = new ArrayList<>(f.subList(0, 6));
    unsigned.add(Rlp.unsigned(chainId));
    unsigned.add(Rlp.unsigned(BigInteger.ZERO));
    unsigned.add(Rlp.unsigned(BigInteger.ZERO));
    byte[] preimage = Rlp.encode(new RlpItem.Items(unsigned));
    return new EvmTransaction(0, OptionalLong.of(id), nonce, gas, gasPrice, to, value, data, Optional.of(preimage), signed);
  }

  private static EvmTransaction typed(int type, List<RlpItem> f) {
    int fields = type == 1 ? 8 : 9;
    if (f.size() != fields && f.size() != fields + 3) {
      throw new MalformedTransactionException(
          "a type " + type + " transaction has " + fields + " fields (+3 when signed), got " + f.size());
    }
    long chainId = chainId(uint(f, 0, "chainId"));
    BigInteger nonce = uint(f, 1, "nonce");
    int at = 2;
    if (type == 2) {
      uint(f, at++, "maxPriorityFeePerGas");
    }
    BigInteger maxFee = uint(f, at++, type == 2 ? "maxFeePerGas" : "gasPrice");
    BigInteger gas = uint(f, at++, "gasLimit");
    Optional<EvmAddress> to = to(f.get(at++));
    BigInteger value = uint(f, at++, "value");
    byte[] data = f.get(at++).bytes("data").value();
    f.get(at).list("accessList");
    boolean signed = f.size() == fields + 3;
    if (signed) {
      BigInteger yParity = uint(f, fields, "yParity");
      if (yParity.compareTo(BigInteger.ONE) > 0) {
        throw new MalformedTransactionException("yParity must be 0 or 1, got " + yParity);
      }
    }
    byte[] body = Rlp.encode(new RlpItem.Items(f.subList(0, fields)));
    byte[] preimage = new byte[body.length + 1];
    preimage[0] = (byte) type;
    System.arraycopy(body, 0, preimage, 1, body.length);
    return new EvmTransaction(type, OptionalLong.of(chainId), nonce, gas, maxFee, to, value, data, Optional.of(preimage), signed);
  }

  private static long chainId(BigInteger chainId) {
    if (chainId.signum() <= 0 || chainId.compareTo(MAX_CHAIN_ID) > 0) {
      throw new MalformedTransactionException("chain id out of range: " + chainId);
    }
    return chainId.longValueExact();
  }

  private static BigInteger uint(List<RlpItem> fields, int index, String name) {
    return fields.get(index).bytes(name).asUnsigned(name);
  }

  private static Optional<EvmAddress> to(RlpItem item) {
    byte[] to = item.bytes("to").value();
    if (to.length == 0) {
      return Optional.empty();
    }
    if (to.length != 20) {
      throw new MalformedTransactionException("to must be 20 bytes or empty, got " + to.length);
    }
    return Optional.of(EvmAddress.fromBytes(to));
  }

  /** The ERC-20 call in the data, if it is one. */
  public Optional<Erc20Call> erc20Call() {
    return Erc20Call.decode(data);
  }
}
