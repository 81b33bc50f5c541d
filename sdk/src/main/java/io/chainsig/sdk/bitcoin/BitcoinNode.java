package io.chainsig.sdk.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.sdk.RpcErrorException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Bitcoin Core RPC calls the adapter makes, typed. Outputs are found by script ({@code
 * scantxoutset} with a {@code raw(<hex>)} descriptor), so the node's address format never matters.
 */
public final class BitcoinNode implements AutoCloseable {
  private static final int COINBASE_MATURITY = 100;

  private final BitcoinRpcClient rpc;

  /** Typed calls over a JSON-RPC client. */
  public BitcoinNode(BitcoinRpcClient rpc) {
    if (rpc == null) {
      throw new IllegalArgumentException("rpc client is required");
    }
    this.rpc = rpc;
  }

  /** The underlying client, for calls this class does not wrap. */
  public BitcoinRpcClient rpc() {
    return rpc;
  }

  /**
   * The confirmed unspent outputs paying exactly this script, less those already spent by a
   * transaction in the node's mempool and immature coinbase outputs (where the node reports them).
   */
  public List<Utxo> unspentOutputs(byte[] scriptPubKey) {
    JsonNode scan = rpc.call("scantxoutset", "start", List.of("raw(" + Hex.encode(scriptPubKey) + ")"));
    if (!scan.path("success").asBoolean(false)) {
      throw new RpcErrorException("scantxoutset did not succeed");
    }
    long tip = scan.path("height").asLong();
    List<Utxo> result = new ArrayList<>();
    for (JsonNode u : scan.path("unspents")) {
      long height = u.path("height").asLong();
      if (u.path("coinbase").asBoolean(false) && tip - height + 1 < COINBASE_MATURITY) {
        continue;
      }
      Utxo utxo = new Utxo(u.path("txid").asText(), u.path("vout").asInt(), toSat(u.path("amount")), height);
      if (isUnspentCountingMempool(utxo)) {
        result.add(utxo);
      }
    }
    return result;
  }

  private boolean isUnspentCountingMempool(Utxo utxo) {
    return !rpc.call("gettxout", utxo.txid(), utxo.vout(), true).isNull();
  }

  /** {@code testmempoolaccept} for one raw transaction. */
  public MempoolAcceptance testMempoolAccept(byte[] rawTransaction) {
    JsonNode results = rpc.call("testmempoolaccept", List.of(Hex.encode(rawTransaction)));
    if (!results.isArray() || results.size() != 1) {
      throw new RpcErrorException("testmempoolaccept answered " + results);
    }
    JsonNode r = results.get(0);
    return new MempoolAcceptance(r.path("txid").asText(), r.path("allowed").asBoolean(false),
        r.path("reject-reason").asText(""));
  }

  /** {@code sendrawtransaction}; returns the txid the node reports. */
  public String sendRawTransaction(byte[] rawTransaction) {
    return rpc.call("sendrawtransaction", Hex.encode(rawTransaction)).asText();
  }

  /**
   * The confirmations of an output while it is unspent ({@code gettxout}, mempool included: 0 while
   * unconfirmed); empty if the node does not know it as unspent.
   */
  public OptionalLong confirmations(String txid, int vout) {
    JsonNode out = rpc.call("gettxout", txid, vout, true);
    return out.isNull() ? OptionalLong.empty() : OptionalLong.of(out.path("confirmations").asLong());
  }

  /** Closes the RPC client's connections. */
  @Override
  public void close() {
    rpc.close();
  }

  /** An amount in coins (8 decimals) as satoshis, exactly. */
  static long toSat(JsonNode amount) {
    BigDecimal coins = amount.decimalValue();
    return coins.movePointRight(8).longValueExact();
  }
}
