package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.near.rpc.NearRpcClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the chain recorded about sign requests, read block by block over JSON-RPC ({@code block},
 * {@code chunk}, {@code tx}): per payload, how many {@code sign} and {@code respond} transactions
 * to the contract succeeded. Only what produced blocks hold counts, i.e. what survived every crash.
 *
 * @param successfulSigns per payload hex (lower case), the {@code sign} calls that got a signature
 * @param successfulResponds per payload hex, the {@code respond} calls the contract accepted
 * @param failedResponds per payload hex, the {@code respond} calls it refused (e.g. already answered)
 * @param blocks how many blocks were read
 */
record ChainLedger(Map<String, Integer> successfulSigns, Map<String, Integer> successfulResponds,
    Map<String, Integer> failedResponds, long blocks) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the maps. */
  ChainLedger {
    successfulSigns = Map.copyOf(successfulSigns);
    successfulResponds = Map.copyOf(successfulResponds);
    failedResponds = Map.copyOf(failedResponds);
  }

  /** Reads blocks {@code fromHeight}..head of the chain at {@code rpc} for calls to {@code contract} (8 blocks at a time). */
  static ChainLedger read(NearRpcClient rpc, String contract, long fromHeight) throws Exception {
    long head = rpc.call("block", JSON.createObjectNode().put("finality", "final")).path("header").path("height").asLong();
    long from = Math.max(1, fromHeight);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Call>>> blocks = new ArrayList<>();
      for (long h = from; h <= head; h++) {
        long height = h;
        blocks.add(pool.submit(() -> calls(rpc, contract, height)));
      }
      Map<String, Integer> signs = new HashMap<>();
      Map<String, Integer> responds = new HashMap<>();
      Map<String, Integer> refused = new HashMap<>();
      for (Future<List<Call>> f : blocks) {
        for (Call c : f.get(60, TimeUnit.SECONDS)) {
          if (c.method().equals("sign")) {
            if (c.ok()) {
              signs.merge(c.payloadHex(), 1, Integer::sum);
            }
          } else {
            (c.ok() ? responds : refused).merge(c.payloadHex(), 1, Integer::sum);
          }
        }
      }
      return new ChainLedger(signs, responds, refused, head - from + 1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A {@code sign} or {@code respond} call in a block, and whether it succeeded. */
  private record Call(String method, String payloadHex, boolean ok) {}

  private static List<Call> calls(NearRpcClient rpc, String contract, long height) throws ChainException, IOException {
    List<Call> out = new ArrayList<>();
    JsonNode chunk = rpc.call("chunk", JSON.createObjectNode().put("block_id", height).put("shard_id", 0));
    for (JsonNode tx : chunk.path("transactions")) {
      if (!contract.equals(tx.path("receiver_id").asText())) {
        continue;
      }
      for (JsonNode action : tx.path("actions")) {
        JsonNode call = action.path("FunctionCall");
        String method = call.path("method_name").asText();
        if (!method.equals("sign") && !method.equals("respond")) {
          continue;
        }
        JsonNode request = JSON.readTree(new String(Base64.getDecoder().decode(call.path("args").asText()), StandardCharsets.UTF_8))
            .path("request");
        String payload = (method.equals("sign") ? request.path("payload_v2") : request.path("payload"))
            .path("Ecdsa").asText().toLowerCase(Locale.ROOT);
        JsonNode status = rpc.call("tx", JSON.createArrayNode().add(tx.path("hash").asText()).add(tx.path("signer_id").asText()))
            .path("status");
        out.add(new Call(method, payload, status.has("SuccessValue")));
      }
    }
    return out;
  }
}
