package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code pending_requests_since} view: every pending request by id, the recent ones in full. */
class PendingSinceTest {
  private final ContractFixture f = new ContractFixture().running();

  private JsonNode view(String method, String args) throws Exception {
    return ContractJson.MAPPER.readTree(
        SignerContractAbi.view(f.contract, method, args.getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode since(long height) throws Exception {
    return view("pending_requests_since", "{\"block_height\":" + height + "}");
  }

  private RequestKey sign(String path, long height) {
    CallOutcome out = f.contract.sign(signCall(height), new SignArgs(path, PAYLOAD, 0), "c-" + path);
    return ((CallOutcome.Pending) out).key();
  }

  /** The short id computed here from the text, not through {@link RequestKey}. */
  private static String expectedShortId(RequestKey k) throws Exception {
    byte[] text = (k.tweakHex() + "|" + k.payloadHex() + "|" + k.domainId()).getBytes(StandardCharsets.US_ASCII);
    return Hex.encode(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 32);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void listsEveryPendingIdOldestFirstAndTheEntriesFromTheHeightOn() throws Exception {
    RequestKey a = sign("a", 10);
    RequestKey b = sign("b", 12);
    RequestKey c = sign("c", 12);
    RequestKey d = sign("d", 15);
    List<String> ids = List.of(expectedShortId(a), expectedShortId(b), expectedShortId(c), expectedShortId(d));
    JsonNode all = view("pending_requests", "{}");

    JsonNode fromZero = since(0);
    assertThat(texts(fromZero.get("pending"))).isEqualTo(ids);
    assertThat(fromZero.get("requests")).isEqualTo(all);

    JsonNode from12 = since(12);
    assertThat(texts(from12.get("pending"))).isEqualTo(ids);
    assertThat(from12.get("requests")).containsExactly(all.get(1), all.get(2), all.get(3));

    assertThat(since(13).get("requests")).containsExactly(all.get(3));
    assertThat(since(16).get("requests")).isEmpty();
    assertThat(texts(since(16).get("pending"))).isEqualTo(ids);
  }

  @Test
  void aRequestAnsweredLeavesBothListsAndAnotherCallKeepsItsPlace() throws Exception {
    RequestKey a = sign("a", 10);
    RequestKey b = sign("b", 11);
    sign("a", 14); // joins a: same id, same block height, one more waiting call
    assertThat(texts(since(0).get("pending"))).containsExactly(expectedShortId(a), expectedShortId(b));
    assertThat(since(11).get("requests")).singleElement()
        .satisfies(r -> assertThat(ContractJson.requestKey(r.get("request"))).isEqualTo(b));
    assertThat(since(0).get("requests").get(0).get("waiting_calls").asInt()).isEqualTo(2);

    f.contract.respond(call(N1, 16), a, f.root.sign(a));
    assertThat(texts(since(0).get("pending"))).containsExactly(expectedShortId(b));
    assertThat(since(0).get("requests")).isEqualTo(view("pending_requests", ""));
  }

  @Test
  void nothingPendingIsTwoEmptyLists() throws Exception {
    assertThat(since(0).toString()).isEqualTo("{\"pending\":[],\"requests\":[]}");
  }

  @Test
  void theIdIsTheNodesRequestIdCutTo128Bits() throws Exception {
    RequestKey k = new RequestKey("1f".repeat(32), "a0".repeat(32), 3);
    byte[] text = ("1f".repeat(32) + "|" + "a0".repeat(32) + "|3").getBytes(StandardCharsets.US_ASCII);
    assertThat(k.requestId()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(text));
    assertThat(k.shortId()).hasSize(32).isEqualTo(expectedShortId(k));
    assertThat(new RequestKey("1f".repeat(32), "a0".repeat(32), 4).shortId()).isNotEqualTo(k.shortId());
  }

  @Test
  void theKeptIdMustBeTheKeys() {
    RequestKey k = sign("a", 10);
    PendingRequest p = f.contract.pendingRequests().get(0);
    assertThat(p.shortId()).isEqualTo(k.shortId());
    assertThatThrownBy(() -> new PendingRequest(k, "00".repeat(16), ALICE, "a", 10, ENTROPY, p.waiting()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short id");
    assertThat(ContractStateCodec.decode(ContractStateCodec.encode(f.contract)).pendingRequests())
        .containsExactly(p);
  }

  @Test
  void theHeightMustBeANonNegativeInteger() {
    sign("a", 10);
    for (String bad : List.of("{}", "", "{\"block_height\":null}")) {
      assertThatThrownBy(() -> view("pending_requests_since", bad))
          .isInstanceOf(ContractException.class).hasMessage("missing field `block_height`");
    }
    for (String bad : List.of("\"5\"", "1.5", "true", "[1]", "18446744073709551616")) {
      assertThatThrownBy(() -> view("pending_requests_since", "{\"block_height\":" + bad + "}"))
          .isInstanceOf(ContractException.class).hasMessage("field `block_height` must be an integer");
    }
    assertThatThrownBy(() -> view("pending_requests_since", "{\"block_height\":-1}"))
        .isInstanceOf(ContractException.class).hasMessage("field `block_height` must not be negative");
    assertThatThrownBy(() -> view("pending_requests_since", "[0]"))
        .isInstanceOf(ContractException.class).hasMessageContaining("JSON object");
  }
}
