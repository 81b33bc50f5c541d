package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainsig.contract.ContractException;
import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.MethodNotFoundException;
import io.chainsig.contract.ProhibitedInViewException;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.sandbox.borsh.BorshException;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.state.AccountRecord;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.sandbox.state.Fees;
import io.chainsig.sandbox.state.InvalidTxException;
import io.chainsig.sandbox.tx.AccessKey;
import io.chainsig.sandbox.tx.SignedTransaction;
import io.chainsig.sandbox.tx.TransactionCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON-RPC methods: nearcore's parameter forms (object or positional), results and errors.
 * Queries always read the latest state (the sandbox keeps no state history); the result names the
 * head block.
 */
public final class RpcMethods {
  private final Chain chain;
  private final long waitTimeoutMs;
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
    this.waitTimeoutMs = waitTimeoutMs;
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
      case "query" -> query(params);
      case "send_tx" -> sendTx(params);
      case "broadcast_tx_async" -> broadcastAsync(params);
      case "broadcast_tx_commit" -> awaitStatus(submit(decodeTx(positional(params, 0, "signed transaction"))),
          WaitUntil.EXECUTED_OPTIMISTIC, false);
      case "tx" -> txStatus(params, false);
      case "EXPERIMENTAL_tx_status" -> txStatus(params, true);
      case "EXPERIMENTAL_protocol_config" -> protocolConfig(params);
      default -> throw RpcException.methodNotFound(method);
    };
  }

  private static ObjectNode obj() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  // ------------------------------------------------------------------ params

  private static String positional(JsonNode params, int index, String what) throws RpcException {
    if (params != null && params.isArray() && params.size() > index && params.get(index).isTextual()) {
      return params.get(index).asText();
    }
    throw RpcException.parse("Failed parsing args: expected " + what + " at position " + index);
  }

  private static String field(JsonNode params, String name) throws RpcException {
    JsonNode v = params == null ? null : params.get(name);
    if (v == null || !v.isTextual()) {
      throw RpcException.parse("Failed parsing args: missing field `" + name + "`");
    }
    return v.asText();
  }

  private static SignedTransaction decodeTx(String base64) throws RpcException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw RpcException.parse("Failed to decode base64: " + e.getMessage());
    }
    try {
      return TransactionCodec.decodeSigned(bytes);
    } catch (BorshException | IllegalArgumentException e) {
      throw RpcException.parse("Failed to decode transaction: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ blocks

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

  /** Resolves {@code {finality}}, {@code {block_id}} or {@code [block_id]} to a block. */
  private Block blockRef(JsonNode params) throws RpcException {
    JsonNode id = null;
    if (params != null && params.isArray()) {
      id = params.size() > 0 ? params.get(0) : null;
    } else if (params != null && params.isObject()) {
      id = params.get("block_id");
      if ((id == null || id.isNull()) && params.has("finality")) {
        String f = params.get("finality").asText();
        if (!List.of("final", "optimistic", "near-final").contains(f)) {
          throw RpcException.parse("Failed parsing args: unknown finality `" + f + "`");
        }
        return chain.head();
      }
      if ((id == null || id.isNull()) && params.has("sync_checkpoint")) {
        return chain.block(0).orElseThrow();
      }
    }
    if (id == null || id.isNull()) {
      return chain.head();
    }
    Optional<Block> b;
    if (id.isIntegralNumber()) {
      b = chain.block(id.asLong());
    } else if (id.isTextual()) {
      b = chain.blockByHash(id.asText());
    } else {
      throw RpcException.parse("Failed parsing args: block_id must be a height or a hash");
    }
    if (b.isEmpty()) {
      throw RpcException.handler("UNKNOWN_BLOCK", obj().put("block_reference", id.toString()),
          "DB Not Found Error: BLOCK: " + id.asText());
    }
    return b.get();
  }

  private long gasUsed(Block b) {
    long gas = 0;
    for (String h : b.txHashes()) {
      gas += chain.tx(h).map(TxRecord::gasBurnt).orElse(0L);
    }
    return gas;
  }

  private JsonNode block(JsonNode params) throws RpcException {
    Block b = blockRef(params);
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
      b = blockRef(params);
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
    blockRef(params);
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
    blockRef(params);
    return obj().put("gas_price", Fees.GAS_PRICE.toString());
  }

  // ------------------------------------------------------------------ query

  private JsonNode query(JsonNode params) throws RpcException {
    if (params == null || !params.isObject()) {
      throw RpcException.parse("Failed parsing args: query takes an object with request_type");
    }
    Block head = blockRef(params);
    String type = field(params, "request_type");
    String accountId = field(params, "account_id");
    Optional<AccountRecord> account = chain.account(accountId);
    ObjectNode at = obj().put("block_height", head.height()).put("block_hash", head.hash());
    if (account.isEmpty()) {
      throw RpcException.handler("UNKNOWN_ACCOUNT", at.deepCopy().put("requested_account_id", accountId),
          "account " + accountId + " does not exist while viewing");
    }
    AccountRecord a = account.get();
    ObjectNode result = switch (type) {
      case "view_account" -> obj().put("amount", a.amount().toString()).put("locked", "0")
          .put("code_hash", a.hasContract() ? BuiltinContracts.signerCodeHash() : BuiltinContracts.NO_CODE_HASH)
          .put("storage_usage", a.storageUsage()).put("storage_paid_at", 0);
      case "view_access_key" -> {
        String pk = field(params, "public_key");
        AccessKey k = a.keys().get(pk);
        if (k == null) {
          throw RpcException.handler("UNKNOWN_ACCESS_KEY", at.deepCopy().put("public_key", pk),
              "access key " + pk + " does not exist while viewing");
        }
        yield ChainCodec.accessKeyJson(k);
      }
      case "view_access_key_list" -> {
        ObjectNode o = obj();
        ArrayNode keys = o.putArray("keys");
        for (Map.Entry<String, AccessKey> e : a.keys().entrySet()) {
          keys.addObject().put("public_key", e.getKey()).set("access_key", ChainCodec.accessKeyJson(e.getValue()));
        }
        yield o;
      }
      case "view_code" -> {
        if (!a.hasContract()) {
          throw noCode(accountId, at);
        }
        yield obj().put("code_base64", Base64.getEncoder().encodeToString(BuiltinContracts.SIGNER_MARKER))
            .put("hash", BuiltinContracts.signerCodeHash());
      }
      case "view_state" -> {
        ObjectNode o = obj();
        o.putArray("values");
        yield o;
      }
      case "call_function" -> callFunction(params, accountId, a, at);
      default -> throw RpcException.parse("Failed parsing args: unknown request_type `" + type + "`");
    };
    result.setAll(at);
    return result;
  }

  private static RpcException noCode(String accountId, ObjectNode at) {
    return RpcException.handler("NO_CONTRACT_CODE", at.deepCopy().put("contract_account_id", accountId),
        "Contract code for contract ID #" + accountId + " has never been observed on the node");
  }

  private ObjectNode callFunction(JsonNode params, String accountId, AccountRecord a, ObjectNode at)
      throws RpcException {
    String method = field(params, "method_name");
    byte[] args;
    try {
      args = Base64.getDecoder().decode(field(params, "args_base64"));
    } catch (IllegalArgumentException e) {
      throw RpcException.parse("Failed parsing args: args_base64 is not valid base64");
    }
    if (!a.hasContract()) {
      throw noCode(accountId, at);
    }
    byte[] value;
    try {
      value = SignerContractAbi.view(ContractStateCodec.decode(a.contractState()), method, args);
    } catch (ContractException e) {
      throw contractError(at, obj().put("ExecutionError", "Smart contract panicked: " + e.getMessage()),
          e.getMessage());
    } catch (MethodNotFoundException e) {
      throw contractError(at, obj().put("MethodResolveError", "MethodNotFound"), "MethodNotFound");
    } catch (ProhibitedInViewException e) {
      ObjectNode host = obj();
      host.putObject("HostError").putObject("ProhibitedInView").put("method_name", e.method());
      throw contractError(at, host, e.getMessage());
    }
    ObjectNode o = obj();
    ArrayNode bytes = o.putArray("result");
    for (byte b : value) {
      bytes.add(b & 0xff);
    }
    o.putArray("logs");
    return o;
  }

  private static RpcException contractError(ObjectNode at, JsonNode vmError, String message) {
    ObjectNode info = at.deepCopy();
    info.set("vm_error", vmError);
    return RpcException.handler("CONTRACT_EXECUTION_ERROR", info,
        "wasm execution failed with error: " + message);
  }

  // ------------------------------------------------------------------ transactions

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

  private TxRecord submit(SignedTransaction stx) throws RpcException {
    try {
      return chain.submit(stx);
    } catch (InvalidTxException e) {
      ObjectNode data = obj();
      data.putObject("TxExecutionError").set("InvalidTxError", e.error());
      throw RpcException.handler("INVALID_TRANSACTION", obj(), data);
    }
  }

  private JsonNode sendTx(JsonNode params) throws RpcException, InterruptedException {
    if (params == null || !params.isObject()) {
      throw RpcException.parse("Failed parsing args: send_tx takes {signed_tx_base64, wait_until}");
    }
    WaitUntil until = WaitUntil.parse(params);
    return awaitStatus(submit(decodeTx(field(params, "signed_tx_base64"))), until, false);
  }

  private JsonNode broadcastAsync(JsonNode params) throws RpcException {
    return TextNode.valueOf(submit(decodeTx(positional(params, 0, "signed transaction"))).hash());
  }

  private JsonNode txStatus(JsonNode params, boolean withReceipts) throws RpcException, InterruptedException {
    String hash;
    WaitUntil until = WaitUntil.parse(params != null && params.isObject() ? params : null);
    if (params != null && params.isArray()) {
      hash = positional(params, 0, "transaction hash");
      positional(params, 1, "sender account id");
    } else if (params != null && params.has("signed_tx_base64")) {
      hash = decodeTx(field(params, "signed_tx_base64")).hashBase58();
    } else {
      hash = field(params, "tx_hash");
      field(params, "sender_account_id");
    }
    Optional<TxRecord> r = chain.tx(hash);
    if (r.isEmpty()) {
      throw RpcException.handler("UNKNOWN_TRANSACTION", obj().put("requested_transaction_hash", hash),
          "Transaction " + hash + " doesn't exist");
    }
    return awaitStatus(r.get(), until, withReceipts);
  }

  private JsonNode awaitStatus(TxRecord submitted, WaitUntil until, boolean withReceipts)
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
