package io.chainsig.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.InvalidAccountIdException;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The contract's JSON shapes (docs/contract.md): argument parsing with refusals that name the
 * field, and the values the contract returns. Mirrors NEAR's v1 signer contract.
 */
public final class ContractJson {
  /** The shared mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractJson() {}

  /** Parses call arguments; an empty body counts as {@code {}}. */
  public static JsonNode parseArgs(byte[] args) {
    if (args.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(args);
      if (node == null || !node.isObject()) {
        throw new ContractException("arguments must be a JSON object");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new ContractException("arguments are not valid JSON");
    }
  }

  static JsonNode required(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      throw new ContractException("missing field `" + field + "`");
    }
    return v;
  }

  static String text(JsonNode obj, String field) {
    JsonNode v = required(obj, field);
    if (!v.isTextual()) {
      throw new ContractException("field `" + field + "` must be a string");
    }
    return v.asText();
  }

  static int integer(JsonNode obj, String field, int dflt) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new ContractException("field `" + field + "` must be an integer");
    }
    return v.asInt();
  }

  static long longInteger(JsonNode obj, String field) {
    JsonNode v = required(obj, field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new ContractException("field `" + field + "` must be an integer");
    }
    return v.asLong();
  }

  static long nonNegativeLong(JsonNode obj, String field) {
    long v = longInteger(obj, field);
    if (v < 0) {
      throw new ContractException("field `" + field + "` must not be negative");
    }
    return v;
  }

  static NearAccountId account(JsonNode obj, String field) {
    try {
      return NearAccountId.of(text(obj, field));
    } catch (InvalidAccountIdException e) {
      throw new ContractException("field `" + field + "`: " + e.getMessage());
    }
  }

  static String hex32(String text, String field) {
    String s = text.toLowerCase(Locale.ROOT);
    if (!LowerHex32.matches(s)) {
      throw new ContractException("field `" + field + "` must be 32 bytes as 64 hex digits");
    }
    return s;
  }

  /** {@code sign} arguments: {@code payload_v2} or the legacy {@code payload}/{@code key_version}. */
  public static SignArgs signArgs(JsonNode args) {
    JsonNode req = required(args, "request");
    String path = text(req, "path");
    JsonNode v2 = req.get("payload_v2");
    if (v2 != null && !v2.isNull()) {
      if (v2.has("Eddsa")) {
        throw new ContractException("Eddsa payloads are not supported yet");
      }
      return new SignArgs(path, hex32(text(v2, "Ecdsa"), "payload_v2.Ecdsa"), integer(req, "domain_id", 0));
    }
    JsonNode legacy = required(req, "payload");
    if (!legacy.isArray() || legacy.size() != 32) {
      throw new ContractException("field `payload` must be an array of 32 bytes");
    }
    byte[] bytes = new byte[32];
    for (int i = 0; i < 32; i++) {
      JsonNode b = legacy.get(i);
      if (!b.isIntegralNumber() || b.asInt() < 0 || b.asInt() > 255) {
        throw new ContractException("field `payload` must be an array of 32 bytes (0-255)");
      }
      bytes[i] = (byte) b.asInt();
    }
    int keyVersion = integer(req, "key_version", 0);
    if (keyVersion != 0) {
      throw new ContractException("unknown key_version " + keyVersion + " (only 0 exists)");
    }
    return new SignArgs(path, Hex.encode(bytes), 0);
  }

  /** A request identity: {@code {"tweak": hex, "payload": {"Ecdsa": hex}, "domain_id": n}}. */
  public static RequestKey requestKey(JsonNode req) {
    JsonNode payload = required(req, "payload");
    return new RequestKey(
        hex32(text(req, "tweak"), "tweak"),
        hex32(text(payload, "Ecdsa"), "payload.Ecdsa"),
        integer(req, "domain_id", 0));
  }

  /** The JSON of a request identity. */
  public static ObjectNode requestKeyJson(RequestKey key) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("tweak", key.tweakHex());
    o.putObject("payload").put("Ecdsa", key.payloadHex());
    o.put("domain_id", key.domainId());
    return o;
  }

  /** Parses a signature response. */
  public static SignatureResponse response(JsonNode r) {
    String scheme = text(r, "scheme");
    if (!scheme.equals("Secp256k1")) {
      throw new ContractException("unsupported response scheme " + scheme);
    }
    Secp256k1Point bigR;
    Secp256k1Scalar s;
    try {
      bigR = Secp256k1Point.fromSec1(Hex.decode(text(required(r, "big_r"), "affine_point")));
    } catch (RuntimeException e) {
      throw new ContractException("big_r.affine_point is not a compressed secp256k1 point");
    }
    try {
      s = Secp256k1Scalar.fromBytes(Hex.decode(text(required(r, "s"), "scalar")));
    } catch (RuntimeException e) {
      throw new ContractException("s.scalar is not a 32-byte scalar below n");
    }
    return new SignatureResponse(bigR, s, integer(r, "recovery_id", -1));
  }

  /** The JSON of a response: {@code {"scheme","big_r":{"affine_point"},"s":{"scalar"},"recovery_id"}}. */
  public static ObjectNode responseNode(SignatureResponse r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("scheme", "Secp256k1");
    o.putObject("big_r").put("affine_point", Hex.encode(r.bigR().toCompressed()).toUpperCase(Locale.ROOT));
    o.putObject("s").put("scalar", r.s().toHex().toUpperCase(Locale.ROOT));
    o.put("recovery_id", r.recoveryId());
    return o;
  }

  /** The response JSON as text. */
  public static String responseJson(SignatureResponse r) {
    return responseNode(r).toString();
  }

  /** Participants and threshold: {@code {"participants": [[account, id, {url, tls_public_key}]], "threshold": n}}. */
  public static ThresholdParameters parameters(JsonNode p) {
    JsonNode list = required(p, "participants");
    if (!list.isArray()) {
      throw new ContractException("field `participants` must be an array");
    }
    List<Participant> out = new ArrayList<>();
    for (JsonNode t : list) {
      if (!t.isArray() || t.size() != 3 || !t.get(0).isTextual() || !t.get(1).isIntegralNumber()
          || !t.get(2).isObject()) {
        throw new ContractException(
            "each participant must be [account_id, participant_id, {url, tls_public_key}]");
      }
      NearAccountId account;
      try {
        account = NearAccountId.of(t.get(0).asText());
      } catch (InvalidAccountIdException e) {
        throw new ContractException("participant: " + e.getMessage());
      }
      out.add(
          new Participant(
              account, t.get(1).asInt(), text(t.get(2), "url"), text(t.get(2), "tls_public_key")));
    }
    return new ThresholdParameters(out, integer(p, "threshold", 0));
  }

  /** The JSON of participants and threshold. */
  public static ObjectNode parametersNode(ThresholdParameters p) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode list = o.putArray("participants");
    for (Participant x : p.participants()) {
      ArrayNode t = list.addArray();
      t.add(x.accountId().value());
      t.add(x.participantId());
      t.addObject().put("url", x.url()).put("tls_public_key", x.tlsPublicKey());
    }
    o.put("threshold", p.threshold());
    return o;
  }

  /** A canonical text of parameters, equal for equal sets in any order (a vote topic). */
  static String parametersTopic(ThresholdParameters p) {
    List<Participant> sorted = new ArrayList<>(p.participants());
    sorted.sort(Comparator.comparingInt(Participant::participantId));
    return parametersNode(new ThresholdParameters(sorted, p.threshold())).toString();
  }

  /** Domains: {@code [{"id": 0, "scheme": "Secp256k1"}]}. */
  public static List<Domain> domains(JsonNode list) {
    if (list == null || !list.isArray()) {
      throw new ContractException("field `domains` must be an array");
    }
    List<Domain> out = new ArrayList<>();
    for (JsonNode d : list) {
      SignatureScheme scheme;
      try {
        scheme = SignatureScheme.valueOf(text(d, "scheme"));
      } catch (IllegalArgumentException e) {
        throw new ContractException("unknown scheme " + d.get("scheme") + " (Secp256k1 or Ed25519)");
      }
      out.add(new Domain(integer(d, "id", -1), scheme));
    }
    return out;
  }

  /** The JSON of domains. */
  public static ArrayNode domainsNode(List<Domain> domains) {
    ArrayNode a = MAPPER.createArrayNode();
    domains.forEach(d -> a.addObject().put("id", d.id()).put("scheme", d.scheme().name()));
    return a;
  }

  /** Parses a NEAR key string or refuses. */
  static NearPublicKey publicKey(JsonNode obj, String field) {
    try {
      return NearPublicKey.parse(text(obj, field));
    } catch (RuntimeException e) {
      if (e instanceof ContractException c) {
        throw c;
      }
      throw new ContractException("field `" + field + "` is not a NEAR public key");
    }
  }

  /** The JSON of a pending request, as the {@code pending_requests} view lists it. */
  public static ObjectNode pendingNode(PendingRequest p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("request", requestKeyJson(p.key()));
    o.put("predecessor", p.predecessor().value());
    o.put("path", p.path());
    o.put("block_height", p.blockHeight());
    o.put("entropy", p.entropy());
    o.put("waiting_calls", p.waiting().size());
    return o;
  }

  /**
   * The value of the {@code pending_requests_since} view: {@code {"pending": [short id, ...],
   * "requests": [entry, ...]}}, both oldest first; {@code pending} names every pending request by
   * its {@link RequestKey#shortId()}, {@code requests} lists, as {@link #pendingNode} does, those
   * that arrived in block {@code height} or later.
   */
  static ObjectNode pendingSinceNode(List<PendingRequest> pending, long height) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode ids = o.putArray("pending");
    ArrayNode requests = o.putArray("requests");
    for (PendingRequest p : pending) {
      ids.add(p.shortId());
      if (p.blockHeight() >= height) {
        requests.add(pendingNode(p));
      }
    }
    return o;
  }
}
