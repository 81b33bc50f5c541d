package io.chainsig.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Builders for nearcore's error JSON (externally tagged enums: {@code {"Variant": {...}}}). */
final class NearErrors {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private NearErrors() {}

  /** {@code {"name": {fields...}}} from alternating field names and values. */
  static ObjectNode variant(String name, Object... fields) {
    ObjectNode inner = F.objectNode();
    for (int i = 0; i < fields.length; i += 2) {
      Object v = fields[i + 1];
      if (v instanceof JsonNode j) {
        inner.set((String) fields[i], j);
      } else if (v instanceof Long l) {
        inner.put((String) fields[i], l);
      } else if (v instanceof Integer n) {
        inner.put((String) fields[i], n);
      } else {
        inner.put((String) fields[i], String.valueOf(v));
      }
    }
    ObjectNode o = F.objectNode();
    o.set(name, inner);
    return o;
  }

  /** {@code {"name": value}}. */
  static ObjectNode tagged(String name, JsonNode value) {
    ObjectNode o = F.objectNode();
    o.set(name, value);
    return o;
  }

  /** {@code {"name": "text"}}. */
  static ObjectNode tagged(String name, String text) {
    return tagged(name, TextNode.valueOf(text));
  }

  /** A unit variant: just its name as a string. */
  static JsonNode unit(String name) {
    return TextNode.valueOf(name);
  }

  static InvalidTxException invalidTx(JsonNode error, String message) {
    return new InvalidTxException(error, message);
  }

  static InvalidTxException accessKeyError(JsonNode inner, String message) {
    ObjectNode o = F.objectNode();
    o.set("InvalidAccessKeyError", inner);
    return new InvalidTxException(o, message);
  }

  static ActionFailure functionCallError(JsonNode inner) {
    return new ActionFailure(tagged("FunctionCallError", inner));
  }

  static ActionFailure panic(String message) {
    return functionCallError(tagged("ExecutionError", "Smart contract panicked: " + message));
  }
}
