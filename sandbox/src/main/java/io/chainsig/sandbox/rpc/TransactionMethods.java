package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.state.InvalidTxException;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.TransactionCodec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Transaction methods: {@code send_tx}, {@code broadcast_tx_async}, {@code broadcast_tx_commit},
 * {@code tx} and {@code EXPERIMENTAL_tx_status}, waiting on the chain for the status asked for.
 */
final class TransactionMethods {
  private final Chain chain;
  private final long waitTimeoutMs;

  TransactionMethods(Chain chain, long waitTimeoutMs) {
    this.chain = chain;
    this.waitTimeoutMs = waitTimeoutMs;
  }

  private static ObjectNode obj() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  /** nearcore's {@code TxExecutionStatus}, in the order a transaction reaches them here. */
  enum WaitUntil {
    NONE, INCLUDED, EXECUTED_OPTIMISTIC, INCLUDED_FINAL, EXECUTED, FINAL;

    static WaitUntil parse(JsonNode params) throws RpcException {
      JsonNode w = params == null ? null : params.get("wait_until");
      if (w == null || w.isNull()) {
        return EXECUTED_OPTIMISTIC;
      }
      try {
        return valueOf(w.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RpcException.parse("Failed parsing args: unknown wait_until `" + w.asText() + "`");
      }
    }

    boolean reachedBy(TxRecord r) {
      return switch (this) {
        case NONE -> true;
        case INCLUDED, INCLUDED_FINAL -> r.included();
        case EXECUTED_OPTIMISTIC, EXECUTED, FINAL -> r.finished();
      };
    }
  }

  TxRecord submit(SignedTransaction stx) throws RpcException {
    try {
      return chain.submit(stx);
    } catch (InvalidTxException e) {
      ObjectNode data = obj();
      data.putObject("TxExecutionError").set("InvalidTxError", e.error());
      throw RpcException.handler("INVALID_TRANSACTION", obj(), data);
    }
  }

  JsonNode sendTx(JsonNode params) throws RpcException, InterruptedException {
    if (params == null || !params.isObject()) {
      throw RpcException.parse("Failed parsing args: send_tx takes {signed_tx_base64, wait_until}");
    }
    WaitUntil until = WaitUntil.parse(params);
    return awaitStatus(submit(RpcParams.decodeTx(RpcParams.field(params, "signed_tx_base64"))), until, false);
  }

  JsonNode broadcastCommit(JsonNode params) throws RpcException, InterruptedException {
    return awaitStatus(submit(RpcParams.decodeTx(RpcParams.positional(params, 0, "signed transaction"))),
        WaitUntil.EXECUTED_OPTIMISTIC, false);
  }

  JsonNode broadcastAsync(JsonNode params) throws RpcException {
    return TextNode.valueOf(submit(RpcParams.decodeTx(RpcParams.positional(params, 0, "signed transaction"))).hash());
  }

  JsonNode txStatus(JsonNode params, boolean withReceipts) throws RpcException, InterruptedException {
    String hash;
    WaitUntil until = WaitUntil.parse(params != null && params.isObject() ? params : null);
    if (params != null && params.isArray()) {
      hash = RpcParams.positional(params, 0, "transaction hash");
      RpcParams.positional(params, 1, "sender account id");
    } else if (params != null && params.has("signed_tx_base64")) {
      hash = RpcParams.decodeTx(RpcParams.field(params, "signed_tx_base64")).hashBase58();
    } else {
      hash = RpcParams.field(params, "tx_hash");
      RpcParams.field(params, "sender_account_id");
    }
    Optional<TxRecord> r = chain.tx(hash);
    if (r.isEmpty()) {
      throw RpcException.handler("UNKNOWN_TRANSACTION", obj().put("requested_transaction_hash", hash),
          "Transaction " + hash + " doesn't exist");
    }
    return awaitStatus(r.get(), until, withReceipts);
  }

  JsonNode awaitStatus(TxRecord submitted, WaitUntil until, boolean withReceipts)
      throws RpcException, InterruptedException {
    TxRecord r = chain.await(submitted.hash(), until::reachedBy, waitTimeoutMs).orElse(submitted);
    if (!until.reachedBy(r)) {
      throw RpcException.timeout();
    }
    if (!r.finished()) {
      return obj().put("final_execution_status", r.included() ? "INCLUDED_FINAL" : "NONE");
    }
    SignedTransaction stx = TransactionCodec.decodeSigned(Base64.getDecoder().decode(r.signedTxBase64()));
    return RpcViews.finalOutcome(r, stx, withReceipts);
  }
}
