package io.chainsig.wallet.path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Reads and writes {@link DerivationPath} JSON. Reading is strict: the top level must be an object
 * with only {@code chain}, {@code domain} and {@code meta}; none may be {@code null}; duplicate keys
 * and lone UTF-16 surrogates are refused (RFC 8785 cannot canonicalize them). Writing produces the
 * RFC 8785 canonical form through the java-json-canonicalization library.
 */
public final class DerivationPathJson {
  private static final Set<String> TOP_LEVEL_FIELDS = Set.of("chain", "domain", "meta");

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  private DerivationPathJson() {}

  /** Parses path JSON text (any key order, any whitespace). */
  public static DerivationPath parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidDerivationPathException("path is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null) {
      throw new InvalidDerivationPathException("path is empty; the path of a key with no parts is {}");
    }
    return fromTree(node);
  }

  /** Reads a path from an already parsed JSON value (e.g. a field of a dapp request). */
  public static DerivationPath fromTree(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidDerivationPathException("path must be a JSON object, got " + node.getNodeType());
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL_FIELDS.contains(name)) {
        throw new InvalidDerivationPathException(
            "unknown top-level field \"" + name + "\": only chain, domain and meta are allowed;"
                + " put your own data inside meta");
      }
      if (node.get(name).isNull()) {
        throw new InvalidDerivationPathException(
            "field \"" + name + "\" is null: leave a field out instead of setting it to null");
      }
    }
    return new DerivationPath(chainOf(node.get("chain")), domainOf(node.get("domain")), metaOf(node.get("meta")));
  }

  private static OptionalLong chainOf(JsonNode chain) {
    if (chain == null) {
      return OptionalLong.empty();
    }
    if (!chain.isIntegralNumber()) {
      throw new InvalidDerivationPathException(
          "chain must be an unsigned integer (a SLIP-44 coin type) written without fraction or exponent, got " + chain);
    }
    if (!chain.canConvertToLong()) {
      throw new InvalidDerivationPathException("chain is out of the SLIP-44 range: " + chain);
    }
    return OptionalLong.of(chain.longValue());
  }

  private static Optional<SiteDomain> domainOf(JsonNode domain) {
    if (domain == null) {
      return Optional.empty();
    }
    if (!domain.isTextual()) {
      throw new InvalidDerivationPathException("domain must be a string, got " + domain.getNodeType());
    }
    return Optional.of(new SiteDomain(domain.textValue()));
  }

  private static Optional<JsonNode> metaOf(JsonNode meta) {
    if (meta == null) {
      return Optional.empty();
    }
    requireWellFormedStrings(meta);
    return Optional.of(meta);
  }

  private static void requireWellFormedStrings(JsonNode node) {
    if (node.isTextual()) {
      requireWellFormed(node.textValue());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        requireWellFormed(field.getKey());
        requireWellFormedStrings(field.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(DerivationPathJson::requireWellFormedStrings);
    }
  }

  private static void requireWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidDerivationPathException(
            "meta contains a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + "), which RFC 8785 refuses");
      }
    }
  }

  /** The JSON tree of a path, with absent parts left out. */
  public static ObjectNode toTree(DerivationPath path) {
    ObjectNode node = MAPPER.createObjectNode();
    path.chain().ifPresent(chain -> node.put("chain", chain));
    path.domain().ifPresent(domain -> node.put("domain", domain.value()));
    path.meta().ifPresent(meta -> node.set("meta", meta));
    return node;
  }

  /** The RFC 8785 canonical JSON of a path. */
  public static String canonical(DerivationPath path) {
    return canonicalValue(toTree(path));
  }

  /** The RFC 8785 canonical JSON of any JSON value (used for {@code meta} in key strings). */
  public static String canonicalValue(JsonNode value) {
    try {
      if (value.isContainerNode()) {
        return new JsonCanonicalizer(MAPPER.writeValueAsString(value)).getEncodedString();
      }
      // The library canonicalizes objects and arrays only: wrap a scalar in [ ] and unwrap it.
      String wrapped =
          new JsonCanonicalizer(MAPPER.writeValueAsString(MAPPER.createArrayNode().add(value))).getEncodedString();
      return wrapped.substring(1, wrapped.length() - 1);
    } catch (IOException | RuntimeException e) {
      throw new InvalidDerivationPathException(
          "path cannot be canonicalized per RFC 8785 (numbers must fit an IEEE 754 double): " + e.getMessage(), e);
    }
  }
}
