package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.state.Fees;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.Transaction;
import java.util.Base64;
import java.util.List;

/** nearcore's JSON views of blocks, chunks, transactions and execution outcomes. */
final class RpcViews {
  /** 32 zero bytes in base58: nearcore's empty hash. */
  static final String ZERO_HASH = Base58.encode(new byte[32]);

  /** The protocol version the sandbox reports. */
  static final int PROTOCOL_VERSION = 73;

  /** Gas limit of the single chunk, as nearcore's default. */
  static final long CHUNK_GAS_LIMIT = 1_000_000_000_000_000L;

  private RpcViews() {}

  private static ObjectNode obj() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  static String signature(String of) {
    return "ed25519:" + Base58.encode(java.util.Arrays.copyOf(
        Hashes.sha256(("sig|" + of).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 64));
  }

  static ObjectNode blockView(Block b, long gasUsed) {
    ObjectNode o = obj();
    o.put("author", Chain.ROOT_ACCOUNT);
    ObjectNode h = o.putObject("header");
    h.put("height", b.height());
    if (b.height() > 0) {
      h.put("prev_height", b.height() - 1);
    } else {
      h.putNull("prev_height");
    }
    h.put("epoch_id", ZERO_HASH).put("next_epoch_id", ZERO_HASH).put("hash", b.hash())
        .put("prev_hash", b.prevHash()).put("prev_state_root", ZERO_HASH)
        .put("block_body_hash", ZERO_HASH).put("chunk_receipts_root", ZERO_HASH)
        .put("chunk_headers_root", ZERO_HASH).put("chunk_tx_root", ZERO_HASH)
        .put("outcome_root", ZERO_HASH).put("chunks_included", 1).put("challenges_root", ZERO_HASH)
        .put("timestamp", b.timestampNanos()).put("timestamp_nanosec", Long.toString(b.timestampNanos()))
        .put("random_value", b.randomValue());
    h.putArray("validator_proposals");
    h.putArray("chunk_mask").add(true);
    h.put("gas_price", Fees.GAS_PRICE.toString());
    h.put("block_ordinal", b.height() + 1).put("rent_paid", "0").put("validator_reward", "0")
        .put("total_supply", Chain.ROOT_BALANCE.toString());
    h.putArray("challenges_result");
    h.put("last_final_block", b.hash()).put("last_ds_final_block", b.hash())
        .put("next_bp_hash", ZERO_HASH).put("block_merkle_root", ZERO_HASH).putNull("epoch_sync_data_hash");
    h.putArray("approvals");
    h.put("signature", signature(b.hash())).put("latest_protocol_version", PROTOCOL_VERSION);
    o.putArray("chunks").add(chunkHeader(b, gasUsed));
    return o;
  }

  static ObjectNode chunkHeader(Block b, long gasUsed) {
    ObjectNode c = obj();
    c.put("chunk_hash", b.chunkHash()).put("prev_block_hash", b.prevHash())
        .put("outcome_root", ZERO_HASH).put("prev_state_root", ZERO_HASH)
        .put("encoded_merkle_root", ZERO_HASH).put("encoded_length", 0)
        .put("height_created", b.height()).put("height_included", b.height()).put("shard_id", 0)
        .put("gas_used", gasUsed).put("gas_limit", CHUNK_GAS_LIMIT).put("rent_paid", "0")
        .put("validator_reward", "0").put("balance_burnt", Fees.tokens(gasUsed).toString())
        .put("outgoing_receipts_root", ZERO_HASH).put("tx_root", ZERO_HASH);
    c.putArray("validator_proposals");
    c.put("signature", signature(b.chunkHash()));
    return c;
  }

  static ObjectNode chunkView(Block b, List<SignedTransaction> txs, long gasUsed) {
    ObjectNode o = obj();
    o.put("author", Chain.ROOT_ACCOUNT);
    o.set("header", chunkHeader(b, gasUsed));
    ArrayNode t = o.putArray("transactions");
    txs.forEach(s -> t.add(transactionView(s)));
    o.putArray("receipts");
    return o;
  }

  static JsonNode actionView(Action a) {
    ObjectNode o = obj();
    switch (a) {
      case Action.CreateAccount c -> {
        return ChainCodec.MAPPER.getNodeFactory().textNode("CreateAccount");
      }
      case Action.DeployContract d -> o.putObject("DeployContract")
          .put("code", Base64.getEncoder().encodeToString(Hashes.sha256(d.code())));
      case Action.FunctionCall f -> o.putObject("FunctionCall").put("method_name", f.methodName())
          .put("args", Base64.getEncoder().encodeToString(f.args()))
          .put("gas", Long.toUnsignedString(f.gas())).put("deposit", f.deposit().toString());
      case Action.Transfer t -> o.putObject("Transfer").put("deposit", t.deposit().toString());
      case Action.Stake s -> o.putObject("Stake").put("stake", s.stake().toString()).put("public_key", s.publicKey());
      case Action.AddKey k -> {
        ObjectNode add = o.putObject("AddKey");
        add.put("public_key", k.publicKey());
        add.set("access_key", ChainCodec.accessKeyJson(k.accessKey()));
      }
      case Action.DeleteKey k -> o.putObject("DeleteKey").put("public_key", k.publicKey());
      case Action.DeleteAccount d -> o.putObject("DeleteAccount").put("beneficiary_id", d.beneficiaryId());
    }
    return o;
  }

  static ObjectNode transactionView(SignedTransaction stx) {
    Transaction tx = stx.transaction();
    ObjectNode o = obj();
    o.put("signer_id", tx.signerId()).put("public_key", tx.publicKey())
        .put("nonce", tx.nonce()).put("receiver_id", tx.receiverId());
    ArrayNode actions = o.putArray("actions");
    tx.actions().forEach(a -> actions.add(actionView(a)));
    o.put("priority_fee", 0).put("signature", stx.signatureText()).put("hash", stx.hashBase58());
    return o;
  }

  private static ObjectNode outcomeWithId(String id, String blockHash, String executor, List<String> receiptIds,
      long gas, String tokens, JsonNode status) {
    ObjectNode o = obj();
    o.putArray("proof");
    o.put("block_hash", blockHash).put("id", id);
    ObjectNode out = o.putObject("outcome");
    out.putArray("logs");
    ArrayNode ids = out.putArray("receipt_ids");
    receiptIds.forEach(ids::add);
    out.put("gas_burnt", gas).put("tokens_burnt", tokens).put("executor_id", executor);
    out.set("status", status);
    out.putObject("metadata").put("version", 1).putNull("gas_profile");
    return o;
  }

  /** The final execution outcome ({@code FinalExecutionOutcomeView}), plus receipts if asked. */
  static ObjectNode finalOutcome(TxRecord rec, SignedTransaction stx, boolean withReceipts) {
    Transaction tx = stx.transaction();
    ObjectNode o = obj();
    o.set("status", ChainCodec.statusJson(rec.status()));
    o.set("transaction", transactionView(stx));
    o.set("transaction_outcome", outcomeWithId(rec.hash(), rec.includedBlockHash(), tx.signerId(),
        List.of(rec.receiptId()), rec.gasBurnt(), rec.tokensBurnt().toString(),
        obj().put("SuccessReceiptId", rec.receiptId())));
    ArrayNode receipts = o.putArray("receipts_outcome");
    receipts.add(outcomeWithId(rec.receiptId(), rec.finalBlockHash() == null ? rec.includedBlockHash()
        : rec.finalBlockHash(), tx.receiverId(), List.of(), 0, "0", ChainCodec.statusJson(rec.status())));
    if (withReceipts) {
      ObjectNode r = o.putArray("receipts").addObject();
      r.put("predecessor_id", tx.signerId()).put("receiver_id", tx.receiverId())
          .put("receipt_id", rec.receiptId()).put("priority", 0);
      ObjectNode action = r.putObject("receipt").putObject("Action");
      action.put("signer_id", tx.signerId()).put("signer_public_key", tx.publicKey())
          .put("gas_price", Fees.GAS_PRICE.toString());
      action.putArray("output_data_receivers");
      action.putArray("input_data_ids");
      ArrayNode acts = action.putArray("actions");
      tx.actions().forEach(a -> acts.add(actionView(a)));
      action.put("is_promise_yield", false);
    }
    o.put("final_execution_status", "FINAL");
    return o;
  }
}
