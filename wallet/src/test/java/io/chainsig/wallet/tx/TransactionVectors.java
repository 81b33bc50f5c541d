package io.chainsig.wallet.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The transaction vectors of {@code vectors.json}: real transactions, each with its source. */
public final class TransactionVectors {
  private static final JsonNode ROOT = load();

  private TransactionVectors() {}

  /** The vectors of one section. */
  public static List<JsonNode> section(String name) {
    List<JsonNode> out = new ArrayList<>();
    ROOT.get(name).forEach(out::add);
    return out;
  }

  /** The vector of a section whose name contains {@code text}. */
  public static JsonNode named(String section, String text) {
    return section(section).stream().filter(v -> v.get("name").asText().contains(text)).findFirst().orElseThrow();
  }

  private static JsonNode load() {
    try (InputStream in = TransactionVectors.class.getResourceAsStream("vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
