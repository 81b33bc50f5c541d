package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainsig.sandbox.chain.ChainCodec;

/**
 * A JSON-RPC error in nearcore's shape: {@code {"name", "cause": {"name", "info"}, "code",
 * "message", "data"}}, with the HTTP status nearcore uses for it.
 */
public final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient ObjectNode error;
  private final int httpStatus;

  private RpcException(ObjectNode error, int httpStatus) {
    super(error.toString());
    this.error = error;
    this.httpStatus = httpStatus;
  }

  /** The {@code error} member of the response. */
  public ObjectNode error() {
    return error;
  }

  /** The HTTP status of the response. */
  public int httpStatus() {
    return httpStatus;
  }

  private static RpcException of(String name, String cause, JsonNode info, int code, String message,
      JsonNode data, int http) {
    ObjectNode e = ChainCodec.MAPPER.createObjectNode();
    e.put("name", name);
    ObjectNode c = e.putObject("cause");
    c.put("name", cause);
    c.set("info", info);
    e.put("code", code);
    e.put("message", message);
    e.set("data", data);
    return new RpcException(e, http);
  }

  private static ObjectNode info() {
    return ChainCodec.MAPPER.createObjectNode();
  }

  /** A request that cannot be parsed (bad JSON, params, base64 or borsh). */
  public static RpcException parse(String message) {
    return of("REQUEST_VALIDATION_ERROR", "PARSE_ERROR", info().put("error_message", message),
        -32700, "Parse error", TextNode.valueOf(message), 400);
  }

  /** An unknown method. */
  public static RpcException methodNotFound(String method) {
    return of("REQUEST_VALIDATION_ERROR", "METHOD_NOT_FOUND", info().put("method_name", method),
        -32601, "Method not found", TextNode.valueOf(method), 400);
  }

  /** A handler error with a cause name, its info and the legacy {@code data}. */
  public static RpcException handler(String cause, JsonNode info, JsonNode data) {
    return of("HANDLER_ERROR", cause, info, -32000, "Server error", data, 200);
  }

  /** A handler error whose data is a message. */
  public static RpcException handler(String cause, JsonNode info, String message) {
    return handler(cause, info, TextNode.valueOf(message));
  }

  /** The transaction did not reach the requested status in time (HTTP 408: clients retry). */
  public static RpcException timeout() {
    return of("HANDLER_ERROR", "TIMEOUT_ERROR", info(), -32000, "Server error",
        TextNode.valueOf("Timeout"), 408);
  }

  /** A bug in the sandbox. */
  public static RpcException internal(String message) {
    return of("INTERNAL_ERROR", "INTERNAL_ERROR", info().put("error_message", message), -32000,
        "Server error", TextNode.valueOf(message), 500);
  }
}
