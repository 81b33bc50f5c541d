package io.chainsig.sandbox.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.chainsig.sandbox.state.AsciiJson;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * A JSON tree as the UTF-8 bytes of an answer: byte for byte {@code node.toString().getBytes(UTF_8)}
 * (how the server wrote answers before), but written by Jackson's byte generator straight into a
 * byte array instead of building a String of the whole answer and encoding it again.
 *
 * <p>The two ways differ only for UTF-16 surrogates: the byte generator writes each one as a
 * {@code \\uXXXX} escape, where encoding the String gives a pair's 4-byte UTF-8 sequence and a
 * lone surrogate (echoed from a malformed request) {@code ?}. A tree with a surrogate in any name
 * or string, or with a raw value of unknown content, therefore still goes the String way.
 */
final class JsonBytes {
  /** A mapper with Jackson's defaults, as {@code JsonNode.toString()} uses. */
  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  private JsonBytes() {}

  /** The answer bytes of {@code node}. */
  static byte[] utf8(JsonNode node) {
    if (!writableAsBytes(node)) {
      return node.toString().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True if the byte generator writes the tree exactly as encoding its String would: no surrogate
   * in any name or string, and raw values only of known ASCII text.
   */
  static boolean writableAsBytes(JsonNode root) {
    ArrayDeque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      switch (n.getNodeType()) {
        case OBJECT -> {
          for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (hasSurrogate(e.getKey())) {
              return false;
            }
            todo.push(e.getValue());
          }
        }
        case ARRAY -> n.forEach(todo::push);
        case STRING -> {
          if (hasSurrogate(n.textValue())) {
            return false;
          }
        }
        case POJO -> {
          if (!(((POJONode) n).getPojo() instanceof RawValue raw) || !(raw.rawValue() instanceof AsciiJson)) {
            return false;
          }
        }
        default -> {
          // numbers, booleans, null, binary (base64): ASCII either way
        }
      }
    }
    return true;
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
