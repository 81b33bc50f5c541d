package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.sandbox.chain.Block;
import io.chainsig.sandbox.chain.Chain;
import io.chainsig.sandbox.chain.ChainCodec;
import java.util.List;
import java.util.Optional;

/** nearcore's block reference: {@code {finality}}, {@code {block_id}} or {@code [block_id]}. */
final class BlockReference {
  private BlockReference() {}

  /** Resolves {@code {finality}}, {@code {block_id}} or {@code [block_id]} to a block. */
  static Block resolve(Chain chain, JsonNode params) throws RpcException {
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
      throw RpcException.handler("UNKNOWN_BLOCK", ChainCodec.MAPPER.createObjectNode().put("block_reference", id.toString()),
          "DB Not Found Error: BLOCK: " + id.asText());
    }
    return b.get();
  }

}
