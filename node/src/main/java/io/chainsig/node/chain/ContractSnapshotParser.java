package io.chainsig.node.chain;

import io.chainsig.near.rpc.ChainException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ContractSnapshot} from the JSON of the contract's {@code state} and {@code
 * pending_requests} views, and reads the answers of {@code pending_requests_since} (see the
 * contract's ABI, docs/contract.md).
 */
public final class ContractSnapshotParser {
  private ContractSnapshotParser() {}

  private static List<ChainParticipant> participants(JsonNode params) {
    List<ChainParticipant> out = new ArrayList<>();
    for (JsonNode p : params.get("participants")) {
      out.add(new ChainParticipant(
          p.get(0).asText(), p.get(1).asInt(), p.get(2).get("url").asText(), p.get(2).get("tls_public_key").asText()));
    }
    return out;
  }

  /**
   * Parses the {@code pending_requests} view.
   *
   * @throws ChainException if the JSON does not have the expected shape
   */
  public static List<PendingSign> parsePending(JsonNode pending) throws ChainException {
    try {
      return pending(pending);
    } catch (RuntimeException e) {
      throw new ChainException("unexpected contract view JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses the {@code pending_requests_since} view: {@code {"pending": [short id, ...],
   * "requests": [entry as in pending_requests, ...]}}.
   *
   * @throws ChainException if the JSON does not have that shape
   */
  static PendingFeed.Answer parsePendingSince(JsonNode since) throws ChainException {
    JsonNode ids = since.get("pending");
    JsonNode requests = since.get("requests");
    if (ids == null || !ids.isArray() || requests == null || !requests.isArray()) {
      throw new ChainException("unexpected pending_requests_since JSON: no arrays `pending` and `requests`");
    }
    List<String> pending = new ArrayList<>(ids.size());
    for (JsonNode id : ids) {
      if (!id.isTextual()) {
        throw new ChainException("unexpected pending_requests_since JSON: an id is not a string: " + id);
      }
      pending.add(id.asText());
    }
    return new PendingFeed.Answer(pending, parsePending(requests));
  }

  /**
   * Parses the {@code state} view alone: the snapshot lists no pending requests (see {@link
   * ContractSnapshot#withPending}).
   *
   * @throws ChainException if the JSON does not have the expected shape
   */
  public static ContractSnapshot parseState(JsonNode state) throws ChainException {
    return parse(state, null);
  }

  private static List<PendingSign> pending(JsonNode pending) {
    List<PendingSign> requests = new ArrayList<>(pending.size());
    for (JsonNode r : pending) {
      JsonNode req = r.get("request");
      requests.add(
          new PendingSign(
              req.get("tweak").asText(),
              req.get("payload").get("Ecdsa").asText(),
              req.path("domain_id").asInt(0),
              r.get("predecessor").asText(),
              r.get("path").asText(),
              r.get("block_height").asLong(),
              r.get("entropy").asText()));
    }
    return requests;
  }

  /**
   * Parses the two views.
   *
   * @throws ChainException if the JSON does not have the expected shape
   */
  public static ContractSnapshot parse(JsonNode state, JsonNode pending) throws ChainException {
    try {
      Iterator<Map.Entry<String, JsonNode>> it = state.fields();
      if (!it.hasNext()) {
        throw new ChainException("contract state view is empty");
      }
      Map.Entry<String, JsonNode> top = it.next();
      ContractPhase phase = ContractPhase.valueOf(top.getKey());
      JsonNode s = top.getValue();
      if (phase == ContractPhase.NotInitialized || s == null || s.isNull()) {
        return new ContractSnapshot(phase, 0, List.of(), 1, Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), 1);
      }
      JsonNode params = s.get("parameters");
      List<ChainParticipant> participants = participants(params);
      Optional<ContractSnapshot.Proposal> proposed = Optional.empty();
      JsonNode prop = s.get("proposed_parameters");
      if (prop != null && !prop.isNull()) {
        proposed = Optional.of(new ContractSnapshot.Proposal(participants(prop), prop.get("threshold").asInt()));
      }
      Optional<Secp256k1Point> key = Optional.empty();
      JsonNode keys = s.get("keys");
      if (keys != null && keys.has("0")) {
        NearPublicKey k = NearPublicKey.parse(keys.get("0").asText());
        if (k instanceof Secp256k1PublicKey sk) {
          key = Optional.of(sk.point());
        }
      }
      List<String> voters = new ArrayList<>();
      List<String> reshareVoters = new ArrayList<>();
      JsonNode votes = s.get("votes");
      if (votes != null) {
        votes.fields().forEachRemaining(e -> {
          if (e.getKey().startsWith("pk:")) {
            e.getValue().forEach(v -> voters.add(v.asText()));
          } else if (e.getKey().startsWith("reshared:")) {
            e.getValue().forEach(v -> reshareVoters.add(v.asText()));
          }
        });
      }
      List<PendingSign> requests = pending == null ? List.of() : pending(pending);
      long epoch = s.path("epoch").asLong(0);
      // A contract that predates cancellation has no prospective_epoch_id: it is always epoch + 1.
      long prospectiveEpoch = s.path("prospective_epoch_id").asLong(epoch + 1);
      return new ContractSnapshot(
          phase, epoch, participants, params.get("threshold").asInt(), key, requests, voters,
          proposed, reshareVoters, prospectiveEpoch);
    } catch (ChainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ChainException("unexpected contract view JSON: " + e.getMessage(), e);
    }
  }
}
