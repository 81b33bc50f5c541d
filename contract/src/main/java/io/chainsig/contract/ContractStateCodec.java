package io.chainsig.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Writes the whole contract state to JSON bytes and reads it back, so a host can keep it in its
 * store (the sandbox keeps it in RocksDB). Layout version 1; see docs/contract.md.
 */
public final class ContractStateCodec {
  /** Layout version written in every snapshot. */
  public static final int VERSION = 1;

  private ContractStateCodec() {}

  /** Serialises the contract. */
  public static byte[] encode(SignerContract c) {
    ObjectNode o = ContractJson.MAPPER.createObjectNode();
    o.put("version", VERSION);
    o.put("request_timeout_blocks", c.config.requestTimeoutBlocks());
    o.put("max_waiting_calls_per_request", c.config.maxWaitingCallsPerRequest());
    o.put("phase", c.phase.name());
    if (c.parameters != null) {
      o.set("parameters", ContractJson.parametersNode(c.parameters));
    }
    if (c.proposed != null) {
      o.set("proposed", ContractJson.parametersNode(c.proposed));
    }
    o.set("domains", ContractJson.domainsNode(c.domains));
    ObjectNode keys = o.putObject("keys");
    c.keys.forEach((d, k) -> keys.put(String.valueOf(d), k.toNearString()));
    o.put("epoch", c.epoch);
    if (c.cancelledEpoch >= 0) {
      o.put("cancelled_epoch", c.cancelledEpoch);
    }
    ObjectNode votes = o.putObject("votes");
    c.votes.forEach((t, v) -> {
      ArrayNode a = votes.putArray(t);
      v.forEach(a::add);
    });
    ArrayNode pending = o.putArray("pending");
    for (PendingRequest p : c.pending.values()) {
      ObjectNode n = pending.addObject();
      n.set("request", ContractJson.requestKeyJson(p.key()));
      n.put("predecessor", p.predecessor().value());
      n.put("path", p.path());
      n.put("block_height", p.blockHeight());
      n.put("entropy", p.entropy());
      ArrayNode w = n.putArray("waiting");
      p.waiting().forEach(x -> w.addObject().put("call_id", x.callId()).put("block_height", x.blockHeight()));
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a snapshot written by {@link #encode}.
   *
   * @throws IllegalArgumentException if the bytes are not a snapshot of this layout
   */
  public static SignerContract decode(byte[] bytes) {
    JsonNode o;
    try {
      o = ContractJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("contract state is not JSON", e);
    }
    if (o == null || o.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException("unknown contract state layout");
    }
    SignerContract c = new SignerContract(new ContractConfig(
        o.get("request_timeout_blocks").asLong(), o.get("max_waiting_calls_per_request").asInt()));
    c.phase = ContractPhase.valueOf(o.get("phase").asText());
    if (o.hasNonNull("parameters")) {
      c.parameters = ContractJson.parameters(o.get("parameters"));
    }
    if (o.hasNonNull("proposed")) {
      c.proposed = ContractJson.parameters(o.get("proposed"));
    }
    c.domains = List.copyOf(ContractJson.domains(o.get("domains")));
    o.get("keys").fields().forEachRemaining(
        e -> c.keys.put(Integer.parseInt(e.getKey()), NearPublicKey.parse(e.getValue().asText())));
    c.epoch = o.get("epoch").asLong();
    // Absent in snapshots written before reshares could be cancelled: none was.
    c.cancelledEpoch = o.path("cancelled_epoch").asLong(-1);
    o.get("votes").fields().forEachRemaining(e -> {
      TreeSet<String> voters = new TreeSet<>();
      e.getValue().forEach(v -> voters.add(v.asText()));
      c.votes.put(e.getKey(), voters);
    });
    for (JsonNode n : o.get("pending")) {
      RequestKey key = ContractJson.requestKey(n.get("request"));
      List<WaitingCall> waiting = new ArrayList<>();
      n.get("waiting").forEach(w -> waiting.add(
          new WaitingCall(w.get("call_id").asText(), w.get("block_height").asLong())));
      c.pending.put(key, PendingRequest.of(key, NearAccountId.of(n.get("predecessor").asText()),
          n.get("path").asText(), n.get("block_height").asLong(), n.get("entropy").asText(), waiting));
    }
    return c;
  }
}
