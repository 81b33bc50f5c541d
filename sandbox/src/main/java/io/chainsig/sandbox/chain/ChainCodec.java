package io.chainsig.sandbox.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.sandbox.state.AccountRecord;
import io.chainsig.sandbox.state.ContractState;
import io.chainsig.sandbox.state.ExecutionStatus;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON layouts of what the chain stores (accounts, blocks, transaction records), also reused by
 * the RPC views where nearcore's shapes are the same (access keys, execution status).
 */
public final class ChainCodec {
  /** The shared mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ChainCodec() {}

  private static JsonNode read(byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt chain record", e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** nearcore's permission view: {@code "FullAccess"} or {@code {"FunctionCall": {...}}}. */
  public static JsonNode permissionJson(AccessKeyPermission p) {
    return switch (p) {
      case AccessKeyPermission.FullAccess f -> MAPPER.getNodeFactory().textNode("FullAccess");
      case AccessKeyPermission.FunctionCall fc -> {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode inner = o.putObject("FunctionCall");
        if (fc.allowance() == null) {
          inner.putNull("allowance");
        } else {
          inner.put("allowance", fc.allowance().toString());
        }
        inner.put("receiver_id", fc.receiverId());
        ArrayNode names = inner.putArray("method_names");
        fc.methodNames().forEach(names::add);
        yield o;
      }
    };
  }

  static AccessKeyPermission permission(JsonNode n) {
    if (n.isTextual()) {
      return new AccessKeyPermission.FullAccess();
    }
    JsonNode fc = n.get("FunctionCall");
    List<String> names = new ArrayList<>();
    fc.get("method_names").forEach(m -> names.add(m.asText()));
    BigInteger allowance = fc.get("allowance").isNull() ? null : new BigInteger(fc.get("allowance").asText());
    return new AccessKeyPermission.FunctionCall(allowance, fc.get("receiver_id").asText(), names);
  }

  /** nearcore's access key view: {@code {"nonce": n, "permission": ...}}. */
  public static ObjectNode accessKeyJson(AccessKey k) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("nonce", k.nonce());
    o.set("permission", permissionJson(k.permission()));
    return o;
  }

  static byte[] encodeAccount(AccountRecord a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("amount", a.amount().toString());
    ObjectNode keys = o.putObject("keys");
    a.keys().forEach((pk, k) -> keys.set(pk, accessKeyJson(k)));
    if (a.hasContract()) {
      o.put("contract_state", a.contractState().base64());
    }
    return bytes(o);
  }

  static AccountRecord decodeAccount(byte[] b) {
    JsonNode o = read(b);
    Map<String, AccessKey> keys = new TreeMap<>();
    o.get("keys").fields().forEachRemaining(e -> keys.put(e.getKey(),
        new AccessKey(e.getValue().get("nonce").asLong(), permission(e.getValue().get("permission")))));
    ContractState state = o.hasNonNull("contract_state")
        ? ContractState.of(Base64.getDecoder().decode(o.get("contract_state").asText())) : null;
    return new AccountRecord(new BigInteger(o.get("amount").asText()), keys, state);
  }

  static byte[] encodeBlock(Block b) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("height", b.height()).put("hash", b.hash()).put("prev_hash", b.prevHash())
        .put("timestamp", b.timestampNanos()).put("random_value", b.randomValue());
    ArrayNode txs = o.putArray("txs");
    b.txHashes().forEach(txs::add);
    return bytes(o);
  }

  static Block decodeBlock(byte[] bytes) {
    JsonNode o = read(bytes);
    List<String> txs = new ArrayList<>();
    o.get("txs").forEach(t -> txs.add(t.asText()));
    return new Block(o.get("height").asLong(), o.get("hash").asText(), o.get("prev_hash").asText(),
        o.get("timestamp").asLong(), o.get("random_value").asText(), txs);
  }

  /** nearcore's execution status view (pending shows as nearcore's {@code "Started"}). */
  public static JsonNode statusJson(ExecutionStatus s) {
    return switch (s) {
      case ExecutionStatus.SuccessValue v -> MAPPER.createObjectNode().put("SuccessValue", v.base64());
      case ExecutionStatus.Failure f -> {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("Failure", f.error());
        yield o;
      }
      case ExecutionStatus.Pending p -> MAPPER.getNodeFactory().textNode("Started");
    };
  }

  static ExecutionStatus status(JsonNode n) {
    if (n.isTextual()) {
      return new ExecutionStatus.Pending();
    }
    if (n.has("SuccessValue")) {
      return new ExecutionStatus.SuccessValue(n.get("SuccessValue").asText());
    }
    return new ExecutionStatus.Failure(n.get("Failure"));
  }

  static byte[] encodeTx(TxRecord t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("hash", t.hash()).put("signed_tx", t.signedTxBase64()).put("receipt_id", t.receiptId())
        .put("included_height", t.includedHeight()).put("included_block", t.includedBlockHash())
        .put("final_block", t.finalBlockHash()).put("gas_burnt", t.gasBurnt())
        .put("tokens_burnt", t.tokensBurnt().toString()).put("deposit", t.deposit().toString());
    o.set("status", statusJson(t.status()));
    return bytes(o);
  }

  static TxRecord decodeTx(byte[] bytes) {
    JsonNode o = read(bytes);
    return new TxRecord(o.get("hash").asText(), o.get("signed_tx").asText(), o.get("receipt_id").asText(),
        o.get("included_height").asLong(), textOrNull(o, "included_block"), status(o.get("status")),
        textOrNull(o, "final_block"), o.get("gas_burnt").asLong(),
        new BigInteger(o.get("tokens_burnt").asText()), new BigInteger(o.get("deposit").asText()));
  }

  private static String textOrNull(JsonNode o, String f) {
    return o.hasNonNull(f) ? o.get(f).asText() : null;
  }
}
