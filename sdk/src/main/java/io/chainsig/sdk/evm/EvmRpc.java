package io.chainsig.sdk.evm;

import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.RpcErrorException;
import io.chainsig.sdk.RpcUnreachableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC calls the EVM adapter makes, over web3j's HTTP client. Transport failures become
 * {@link RpcUnreachableException}, error answers {@link RpcErrorException}. Only the scheme, host
 * and port of the URL appear in messages (paths often carry API keys).
 */
public final class EvmRpc implements AutoCloseable {
  private final String shownUrl;
  private final Web3j web3j;

  /** A client for a node's HTTP JSON-RPC endpoint. */
  public EvmRpc(URI url) {
    if (url == null || url.getHost() == null || url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new IllegalArgumentException("EVM RPC URL must be http(s)://host[:port][/path]");
    }
    this.shownUrl = url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    this.web3j = Web3j.build(new HttpService(url.toString()));
  }

  /** {@code eth_chainId}. */
  public long chainId() {
    return call("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
  }

  /** {@code eth_getBalance} at the latest block, in wei. */
  public BigInteger balance(EvmAddress address) {
    return call("eth_getBalance", web3j.ethGetBalance(address.toChecksumString(), DefaultBlockParameterName.LATEST))
        .getBalance();
  }

  /** {@code eth_getTransactionCount} counting pending transactions: the next nonce. */
  public BigInteger pendingNonce(EvmAddress address) {
    return call("eth_getTransactionCount",
        web3j.ethGetTransactionCount(address.toChecksumString(), DefaultBlockParameterName.PENDING))
        .getTransactionCount();
  }

  /** {@code eth_gasPrice}. */
  public BigInteger gasPrice() {
    return call("eth_gasPrice", web3j.ethGasPrice()).getGasPrice();
  }

  /** {@code eth_maxPriorityFeePerGas}. */
  public BigInteger maxPriorityFeePerGas() {
    return call("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
  }

  /**
   * The base fee of the latest block.
   *
   * @throws RpcErrorException if the chain has no EIP-1559 base fee
   */
  public BigInteger latestBaseFee() {
    EthBlock.Block block = call("eth_getBlockByNumber",
        web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    if (block == null || block.getBaseFeePerGasRaw() == null) {
      throw new RpcErrorException("the latest block has no base fee: the chain does not support EIP-1559");
    }
    return block.getBaseFeePerGas();
  }

  /** {@code eth_estimateGas} for a value transfer. */
  public BigInteger estimateGas(EvmAddress from, EvmAddress to, BigInteger valueWei) {
    Transaction call = Transaction.createEtherTransaction(
        from.toChecksumString(), null, null, null, to.toChecksumString(), valueWei);
    return call("eth_estimateGas", web3j.ethEstimateGas(call)).getAmountUsed();
  }

  /** {@code eth_sendRawTransaction}; returns the hash the node reports. */
  public String sendRawTransaction(String signedHex) {
    return call("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex)).getTransactionHash();
  }

  /** {@code eth_getTransactionReceipt}: empty while the transaction is not mined. */
  public Optional<TransactionReceipt> receipt(String transactionHash) {
    return call("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(transactionHash))
        .getTransactionReceipt();
  }

  private <T extends Response<?>> T call(String method, Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (ConnectException | UnknownHostException | InterruptedIOException e) {
      throw new RpcUnreachableException("cannot reach the EVM RPC at " + shownUrl + " (" + method + "): " + e, e);
    } catch (IOException e) {
      throw new RpcErrorException("EVM RPC " + method + " at " + shownUrl + " failed: " + e.getMessage(), e);
    }
    if (response.hasError()) {
      throw new RpcErrorException("EVM RPC " + method + " at " + shownUrl + " answered error "
          + response.getError().getCode() + ": " + response.getError().getMessage());
    }
    return response;
  }

  /** Releases the HTTP client. */
  @Override
  public void close() {
    web3j.shutdown();
  }

  @Override
  public String toString() {
    return "EvmRpc[" + shownUrl + "]";
  }
}
