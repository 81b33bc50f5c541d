package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.state.Fees;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.TransactionCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON-RPC method table, with the chain-level methods ({@code status}, {@code block}, {@code
 * chunk}, {@code gas_price}, {@code EXPERIMENTAL_protocol_config}); {@link QueryMethod} and {@link
 * TransactionMethods} answer the rest. nearcore's parameter forms, results and errors throughout.
 */
public final class RpcMethods {
  private final Chain chain;
  private final QueryMethod queries;
  private final TransactionMethods transactions;
  private final String rpcAddr;
  private final String validatorPublicKey;
  private final long startedMs = System.currentTimeMillis();

  /**
   * Methods over a chain.
   *
   * @param waitTimeoutMs how long a call waits for a transaction before TIMEOUT_ERROR (nearcore: 10 s)
   */
  public RpcMethods(Chain chain, long waitTimeoutMs, String rpcAddr, String validatorPublicKey) {
    this.chain = chain;
    this.queries = new QueryMethod(chain);
    this.transactions = new TransactionMethods(chain, waitTimeoutMs);
    this.rpcAddr = rpcAddr;
    this.validatorPublicKey = validatorPublicKey;
  }

  /** Runs one method. */
  public JsonNode call(String method, JsonNode params) throws RpcException, InterruptedException {
    return switch (method) {
      case "status" -> status();
      case "block" -> block(params);
      case "chunk" -> chunk(params);
      case "gas_price" -> gasPrice(params);
      case "query" -> queries.query(params);
      case "send_tx" -> transactions.sendTx(params);
      case "broadcast_tx_async" -> transactions.broadcastAsync(params);
      case "broadcast_tx_commit" -> transactions.broadcastCommit(params);
      case "tx" -> transactions.txStatus(params, false);
      case "EXPERIMENTAL_tx_status" -> transactions.txStatus(params, true);
      case "EXPERIMENTAL_protocol_config" -> protocolConfig(params);
      default -> throw RpcException.methodNotFound(method);
    };
  }

  private static ObjectNode obj() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  private JsonNode status() {
    Block head = chain.head();
    Block genesis = chain.block(0).orElseThrow();
    ObjectNode o = obj();
    o.putObject("version").put("version", "chainsig-sandbox").put("build", "dev").put("rustc_version", "");
    o.put("chain_id", Chain.CHAIN_ID).put("protocol_version", RpcViews.PROTOCOL_VERSION)
        .put("latest_protocol_version", RpcViews.PROTOCOL_VERSION).put("rpc_addr", rpcAddr);
    o.putArray("validators").addObject().put("account_id", Chain.ROOT_ACCOUNT);
    ObjectNode sync = o.putObject("sync_info");
    sync.put("latest_block_hash", head.hash()).put("latest_block_height", head.height())
        .put("latest_state_root", RpcViews.ZERO_HASH).put("latest_block_time", time(head))
        .put("syncing", false).put("earliest_block_hash", genesis.hash())
        .put("earliest_block_height", 0).put("earliest_block_time", time(genesis))
        .put("epoch_id", RpcViews.ZERO_HASH).put("epoch_start_height", 0);
    o.put("validator_account_id", Chain.ROOT_ACCOUNT).put("validator_public_key", validatorPublicKey)
        .put("node_public_key", validatorPublicKey).putNull("node_key")
        .put("uptime_sec", (System.currentTimeMillis() - startedMs) / 1000)
        .put("genesis_hash", chain.genesisHash());
    return o;
  }

  private static String time(Block b) {
    return Instant.ofEpochSecond(0, b.timestampNanos()).toString();
  }

  private long gasUsed(Block b) {
    long gas = 0;
    for (String h : b.txHashes()) {
      gas += chain.tx(h).map(TxRecord::gasBurnt).orElse(0L);
    }
    return gas;
  }

  private JsonNode block(JsonNode params) throws RpcException {
    Block b = BlockReference.resolve(chain, params);
    return RpcViews.blockView(b, gasUsed(b));
  }

  private JsonNode chunk(JsonNode params) throws RpcException {
    String chunkId = null;
    Block b;
    if (params != null && params.isArray() && params.size() == 1 && params.get(0).isTextual()) {
      chunkId = params.get(0).asText();
    } else if (params != null && params.isObject() && params.has("chunk_id")) {
      chunkId = params.get("chunk_id").asText();
    }
    if (chunkId != null) {
      String id = chunkId;
      b = chain.blockByChunkHash(id).orElseThrow(() -> RpcException.handler("UNKNOWN_CHUNK",
          obj().put("chunk_hash", id), "Chunk Missing (unavailable on the node): " + id));
    } else if (params != null && params.isObject() && params.has("block_id")) {
      if (params.path("shard_id").asInt(0) != 0) {
        throw RpcException.handler("INVALID_SHARD_ID", obj().put("shard_id", params.get("shard_id").asInt()),
            "Shard id " + params.get("shard_id") + " does not exist");
      }
      b = BlockReference.resolve(chain, params);
    } else {
      throw RpcException.parse("Failed parsing args: expected chunk_id or block_id and shard_id");
    }
    List<SignedTransaction> txs = new ArrayList<>();
    for (String h : b.txHashes()) {
      chain.tx(h).ifPresent(t -> txs.add(TransactionCodec.decodeSigned(Base64.getDecoder().decode(t.signedTxBase64()))));
    }
    return RpcViews.chunkView(b, txs, gasUsed(b));
  }

  /** The few protocol parameters clients read (near-api-js: storage price for balances). */
  private JsonNode protocolConfig(JsonNode params) throws RpcException {
    BlockReference.resolve(chain, params);
    Block genesis = chain.block(0).orElseThrow();
    ObjectNode o = obj();
    o.put("protocol_version", RpcViews.PROTOCOL_VERSION).put("genesis_time", time(genesis))
        .put("chain_id", Chain.CHAIN_ID).put("genesis_height", 0).put("num_block_producer_seats", 1)
        .put("epoch_length", Long.MAX_VALUE).put("min_gas_price", Fees.GAS_PRICE.toString())
        .put("max_gas_price", Fees.GAS_PRICE.toString()).put("transaction_validity_period", Long.MAX_VALUE);
    // NEAR's storage price: 10^19 yoctoNEAR per byte (the sandbox does not enforce storage staking).
    o.putObject("runtime_config").put("storage_amount_per_byte", "10000000000000000000")
        .putObject("account_creation_config").put("min_allowed_top_level_account_length", 65)
        .put("registrar_account_id", "registrar");
    return o;
  }

  private JsonNode gasPrice(JsonNode params) throws RpcException {
    BlockReference.resolve(chain, params);
    return obj().put("gas_price", Fees.GAS_PRICE.toString());
  }
}
