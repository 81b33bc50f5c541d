package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.near.borsh.BorshException;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.TransactionCodec;
import java.util.Base64;

/** Reading JSON-RPC params: positional or named fields, and base64 borsh transactions. */
final class RpcParams {
  private RpcParams() {}

  static String positional(JsonNode params, int index, String what) throws RpcException {
    if (params != null && params.isArray() && params.size() > index && params.get(index).isTextual()) {
      return params.get(index).asText();
    }
    throw RpcException.parse("Failed parsing args: expected " + what + " at position " + index);
  }

  static String field(JsonNode params, String name) throws RpcException {
    JsonNode v = params == null ? null : params.get(name);
    if (v == null || !v.isTextual()) {
      throw RpcException.parse("Failed parsing args: missing field `" + name + "`");
    }
    return v.asText();
  }

  static SignedTransaction decodeTx(String base64) throws RpcException {
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
}
