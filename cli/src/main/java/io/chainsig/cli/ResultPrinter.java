package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;

/** Prints a command's result: one JSON object ({@code --json}) or aligned "name  value" lines. */
final class ResultPrinter {
  private ResultPrinter() {}

  /** Prints {@code result} to {@code out} as JSON or as text, and flushes. */
  static void print(PrintWriter out, ObjectNode result, boolean json) {
    if (json) {
      out.println(result.toString());
    } else {
      int width = 0;
      for (Iterator<String> names = result.fieldNames(); names.hasNext(); ) {
        width = Math.max(width, names.next().length());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.printf("%-" + width + "s  %s%n", e.getKey(), e.getValue().asText());
      }
    }
    out.flush();
  }
}
