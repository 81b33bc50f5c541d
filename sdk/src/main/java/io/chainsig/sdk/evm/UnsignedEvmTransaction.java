package io.chainsig.sdk.evm;

import io.chainsig.crypto.Hashes;
import io.chainsig.derivation.address.EvmAddress;
import java.math.BigInteger;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * A transfer with every field filled in, ready to be signed.
 *
 * @param type legacy or EIP-1559
 * @param chainId the chain id (EIP-155 for legacy, a field of EIP-1559)
 * @param nonce the sender's next nonce
 * @param to the destination
 * @param valueWei the amount
 * @param gasLimit the gas limit
 * @param gasPrice the gas price of a legacy transaction, else zero
 * @param maxPriorityFeePerGas the tip of an EIP-1559 transaction, else zero
 * @param maxFeePerGas the fee cap of an EIP-1559 transaction, else zero
 */
public record UnsignedEvmTransaction(
    EvmTransactionType type,
    long chainId,
    BigInteger nonce,
    EvmAddress to,
    BigInteger valueWei,
    BigInteger gasLimit,
    BigInteger gasPrice,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas) {

  /** Rejects missing or negative fields and fee fields that do not belong to the type. */
  public UnsignedEvmTransaction {
    if (type == null || to == null) {
      throw new IllegalArgumentException("type and destination are required");
    }
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive");
    }
    for (BigInteger v : new BigInteger[] {nonce, valueWei, gasLimit, gasPrice, maxPriorityFeePerGas, maxFeePerGas}) {
      if (v == null || v.signum() < 0) {
        throw new IllegalArgumentException("nonce, value, gas and fees must be zero or more");
      }
    }
    if (gasLimit.signum() == 0) {
      throw new IllegalArgumentException("gas limit must be positive");
    }
    if (type == EvmTransactionType.LEGACY
        && (maxPriorityFeePerGas.signum() != 0 || maxFeePerGas.signum() != 0)) {
      throw new IllegalArgumentException("a legacy transaction has no EIP-1559 fees");
    }
    if (type == EvmTransactionType.EIP1559 && gasPrice.signum() != 0) {
      throw new IllegalArgumentException("an EIP-1559 transaction has no gas price");
    }
    if (type == EvmTransactionType.EIP1559 && maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException("max priority fee cannot exceed max fee");
    }
  }

  /** The most the transaction can cost the sender: value plus gas limit times the highest gas price. */
  public BigInteger maxCostWei() {
    BigInteger price = type == EvmTransactionType.LEGACY ? gasPrice : maxFeePerGas;
    return valueWei.add(gasLimit.multiply(price));
  }

  /** The same transaction as web3j's structure. */
  public RawTransaction toRawTransaction() {
    String destination = to.toChecksumString();
    return switch (type) {
      case LEGACY -> RawTransaction.createEtherTransaction(nonce, gasPrice, gasLimit, destination, valueWei);
      case EIP1559 -> RawTransaction.createEtherTransaction(
          chainId, nonce, gasLimit, destination, valueWei, maxPriorityFeePerGas, maxFeePerGas);
    };
  }

  /**
   * The 32-byte hash the sender signs: keccak256 of the RLP of the fields plus {@code (chainId, 0,
   * 0)} for legacy EIP-155, or of {@code 0x02 || RLP(fields)} for EIP-1559.
   */
  public byte[] signingHash() {
    RawTransaction raw = toRawTransaction();
    byte[] preimage = type == EvmTransactionType.LEGACY
        ? TransactionEncoder.encode(raw, chainId)
        : TransactionEncoder.encode(raw);
    return Hashes.keccak256(preimage);
  }
}
