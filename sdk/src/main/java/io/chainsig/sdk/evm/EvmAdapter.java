package io.chainsig.sdk.evm;

import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.ConfirmationTimeoutException;
import io.chainsig.sdk.InsufficientFundsException;
import io.chainsig.sdk.RpcErrorException;
import io.chainsig.sdk.signer.PayloadSigner;
import io.chainsig.sdk.signer.VerifiedSignature;
import io.chainsig.sdk.signer.VerifyingSigner;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Sends value from the EVM address of a derived key: fills nonce, gas and fees from the node,
 * checks the balance (before any signature is requested), gets the signing hash signed through the
 * {@link PayloadSigner} port, verifies the signature and the recovered sender, broadcasts and waits
 * for the receipt.
 */
public final class EvmAdapter {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final EvmRpc rpc;
  private final VerifyingSigner signer;
  private final EvmAddress address;
  private final Duration receiptTimeout;

  /**
   * An adapter for one derived key.
   *
   * @param rpc the chain's JSON-RPC node
   * @param derivedKey the key the signer signs with, computed independently of the signer
   * @param signer the signer port
   * @param receiptTimeout how long {@link #send} waits for the receipt
   */
  public EvmAdapter(EvmRpc rpc, Secp256k1PublicKey derivedKey, PayloadSigner signer, Duration receiptTimeout) {
    if (rpc == null || receiptTimeout == null || receiptTimeout.isNegative()) {
      throw new IllegalArgumentException("rpc and a non-negative receipt timeout are required");
    }
    this.rpc = rpc;
    this.signer = new VerifyingSigner(derivedKey, signer);
    this.address = EvmAddress.of(derivedKey);
    this.receiptTimeout = receiptTimeout;
  }

  /** The derived key's address. */
  public EvmAddress address() {
    return address;
  }

  /** The derived address's balance in wei. */
  public BigInteger balance() {
    return rpc.balance(address);
  }

  /**
   * Fills in chain id, nonce, gas limit (estimated) and fees: a legacy gas price from {@code
   * eth_gasPrice}; for EIP-1559 the node's suggested tip and a fee cap of twice the latest base fee
   * plus the tip.
   *
   * @throws InsufficientFundsException if the balance cannot cover value plus the maximum fee
   */
  public UnsignedEvmTransaction prepare(EvmTransfer transfer) {
    BigInteger balance = rpc.balance(address);
    if (balance.compareTo(transfer.valueWei()) < 0) {
      throw new InsufficientFundsException(transfer.valueWei(), balance, "wei");
    }
    long chainId = rpc.chainId();
    BigInteger nonce = rpc.pendingNonce(address);
    BigInteger gasLimit = rpc.estimateGas(address, transfer.to(), transfer.valueWei());
    UnsignedEvmTransaction unsigned = switch (transfer.type()) {
      case LEGACY -> new UnsignedEvmTransaction(EvmTransactionType.LEGACY, chainId, nonce, transfer.to(),
          transfer.valueWei(), gasLimit, rpc.gasPrice(), BigInteger.ZERO, BigInteger.ZERO);
      case EIP1559 -> {
        BigInteger tip = rpc.maxPriorityFeePerGas();
        BigInteger maxFee = rpc.latestBaseFee().shiftLeft(1).add(tip);
        yield new UnsignedEvmTransaction(EvmTransactionType.EIP1559, chainId, nonce, transfer.to(),
            transfer.valueWei(), gasLimit, BigInteger.ZERO, tip, maxFee);
      }
    };
    if (balance.compareTo(unsigned.maxCostWei()) < 0) {
      throw new InsufficientFundsException(unsigned.maxCostWei(), balance, "wei");
    }
    return unsigned;
  }

  /**
   * Gets the signing hash signed, verifies the signature under the derived key and attaches it.
   *
   * @throws io.chainsig.sdk.SignatureRefusedException if the signer refused
   * @throws io.chainsig.sdk.InvalidSignatureException if the signature or the recovered sender is wrong
   */
  public SignedEvmTransaction sign(UnsignedEvmTransaction unsigned) {
    VerifiedSignature signature = signer.sign(unsigned.signingHash());
    return SignedEvmTransaction.attach(unsigned, signature, address);
  }

  /**
   * Broadcasts a signed transaction.
   *
   * @return the transaction hash
   * @throws RpcErrorException if the node rejects it or reports another hash
   */
  public String broadcast(SignedEvmTransaction signed) {
    String hash = rpc.sendRawTransaction(signed.toHex());
    if (hash == null || !hash.equalsIgnoreCase(signed.hash())) {
      throw new RpcErrorException("the node reported hash " + hash + " for transaction " + signed.hash());
    }
    return signed.hash();
  }

  /**
   * Polls for the receipt until it appears.
   *
   * @throws ConfirmationTimeoutException if it does not appear within the timeout
   */
  public EvmReceipt awaitReceipt(String transactionHash, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<TransactionReceipt> receipt = rpc.receipt(transactionHash);
      if (receipt.isPresent()) {
        TransactionReceipt r = receipt.get();
        return new EvmReceipt(transactionHash, r.isStatusOK(), r.getBlockNumber(), r.getGasUsed(), r.getFrom());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ConfirmationTimeoutException(
            "no receipt for " + transactionHash + " after " + timeout.toMillis() + " ms");
      }
      sleep();
    }
  }

  /** Prepares, signs, broadcasts and waits for the receipt. */
  public EvmReceipt send(EvmTransfer transfer) {
    SignedEvmTransaction signed = sign(prepare(transfer));
    return awaitReceipt(broadcast(signed), receiptTimeout);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_INTERVAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfirmationTimeoutException("interrupted while waiting for a receipt");
    }
  }
}
