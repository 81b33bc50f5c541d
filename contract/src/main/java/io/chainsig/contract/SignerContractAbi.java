package io.chainsig.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's method table: JSON arguments in, JSON values out, the way a NEAR host calls a
 * contract by method name (docs/contract.md lists every method).
 */
public final class SignerContractAbi {
  /** Methods that change state (refused as views). */
  public static final Set<String> CHANGE_METHODS =
      Set.of("init", "sign", "respond", "vote_pk", "vote_new_parameters", "vote_reshared",
          "vote_cancel_resharing");

  private SignerContractAbi() {}

  /**
   * A change call (from a transaction). Views may be called this way too.
   *
   * @param callId the host's id of this call; a {@code sign} is resolved under it later
   * @throws ContractException on a refusal; {@link MethodNotFoundException} for unknown methods
   */
  public static CallOutcome call(
      SignerContract c, CallContext ctx, String method, byte[] args, String callId) {
    return call(c, ctx, method, args, callId, RespondVerdicts.NONE);
  }

  /**
   * A change call with the answers of {@code respond} signature checks computed beforehand (see
   * {@link #respondCheck}): the same outcome as without them.
   *
   * @param callId the host's id of this call; a {@code sign} is resolved under it later
   * @throws ContractException on a refusal; {@link MethodNotFoundException} for unknown methods
   */
  public static CallOutcome call(SignerContract c, CallContext ctx, String method, byte[] args,
      String callId, RespondVerdicts verdicts) {
    if (method.equals("respond")) {
      // the same bytes parse to the same request and response: take them if already parsed
      RespondArgs r = verdicts.parsed(args).map(check -> new RespondArgs(check.request(), check.response()))
          .orElseGet(() -> RespondArgs.parse(ContractJson.parseArgs(args)));
      return returned("", c.respond(ctx, r.key(), r.response(), verdicts));
    }
    JsonNode a = ContractJson.parseArgs(args);
    return switch (method) {
      case "init" -> {
        c.init(ctx, ContractJson.parameters(ContractJson.required(a, "parameters")),
            ContractJson.domains(a.get("domains")));
        yield returned("", List.of());
      }
      case "sign" -> c.sign(ctx, ContractJson.signArgs(a), callId);
      case "vote_pk" -> {
        ContractPhase p = c.votePk(ctx, ContractJson.integer(a, "domain_id", 0),
            ContractJson.publicKey(a, "public_key"));
        yield returned(TextNode.valueOf(p.name()).toString(), List.of());
      }
      case "vote_new_parameters" -> {
        ContractPhase p = c.voteNewParameters(ctx, ContractJson.longInteger(a, "prospective_epoch_id"),
            ContractJson.parameters(ContractJson.required(a, "proposal")));
        yield returned(TextNode.valueOf(p.name()).toString(), List.of());
      }
      case "vote_reshared" -> {
        ContractPhase p = c.voteReshared(ctx, ContractJson.longInteger(a, "epoch_id"));
        yield returned(TextNode.valueOf(p.name()).toString(), List.of());
      }
      case "vote_cancel_resharing" -> {
        ContractPhase p = c.voteCancelResharing(ctx);
        yield returned(TextNode.valueOf(p.name()).toString(), List.of());
      }
      default -> returned(new String(view(c, method, args), StandardCharsets.UTF_8), List.of());
    };
  }

  /**
   * The signature check a {@code respond} call with these arguments would make on this contract,
   * computed from the arguments and the domain's root key alone: empty if the arguments do not
   * parse or the domain has no secp256k1 key (the call then refuses before any check). Reads the
   * contract, never changes it, so a host may run it on its latest state outside its lock and pass
   * the answers to {@link #call(SignerContract, CallContext, String, byte[], String,
   * RespondVerdicts)}.
   */
  public static Optional<RespondCheck> respondCheck(SignerContract c, byte[] args) {
    RespondArgs r;
    try {
      r = RespondArgs.parse(ContractJson.parseArgs(args));
    } catch (RuntimeException e) {
      return Optional.empty(); // the call refuses these arguments itself
    }
    return c.keys.get(r.key().domainId()) instanceof Secp256k1PublicKey root
        ? Optional.of(new RespondCheck(root.point(), r.key(), r.response()))
        : Optional.empty();
  }

  /** The arguments of {@code respond}: the request answered and the signature. */
  private record RespondArgs(RequestKey key, SignatureResponse response) {
    static RespondArgs parse(JsonNode a) {
      return new RespondArgs(ContractJson.requestKey(ContractJson.required(a, "request")),
          ContractJson.response(ContractJson.required(a, "response")));
    }
  }

  /**
   * A view call: reads state, never changes it.
   *
   * @return the JSON value as UTF-8 bytes
   * @throws ProhibitedInViewException for a change method
   */
  public static byte[] view(SignerContract c, String method, byte[] args) {
    if (CHANGE_METHODS.contains(method)) {
      throw new ProhibitedInViewException(method);
    }
    JsonNode a = ContractJson.parseArgs(args);
    JsonNode out = switch (method) {
      case "public_key" ->
          TextNode.valueOf(c.publicKey(ContractJson.integer(a, "domain_id", 0)).toNearString());
      case "derived_public_key" ->
          TextNode.valueOf(c.derivedPublicKey(ContractJson.text(a, "path"),
              ContractJson.account(a, "predecessor"), ContractJson.integer(a, "domain_id", 0))
              .toNearString());
      case "state" -> stateNode(c);
      case "config" -> ContractJson.MAPPER.createObjectNode()
          .put("request_timeout_blocks", c.config().requestTimeoutBlocks())
          .put("max_waiting_calls_per_request", c.config().maxWaitingCallsPerRequest());
      case "pending_requests" -> {
        ArrayNode list = ContractJson.MAPPER.createArrayNode();
        c.pendingRequests().forEach(p -> list.add(ContractJson.pendingNode(p)));
        yield list;
      }
      case "pending_requests_since" -> ContractJson.pendingSinceNode(
          c.pendingRequests(), ContractJson.nonNegativeLong(a, "block_height"));
      case "latest_key_version" -> ContractJson.MAPPER.getNodeFactory().numberNode(0);
      default -> throw new MethodNotFoundException(method);
    };
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code state} view: {@code {"<Phase>": {...}}}. */
  static ObjectNode stateNode(SignerContract c) {
    ObjectNode root = ContractJson.MAPPER.createObjectNode();
    if (c.phase() == ContractPhase.NotInitialized) {
      root.putNull(c.phase().name());
      return root;
    }
    ObjectNode s = root.putObject(c.phase().name());
    s.put("epoch", c.epoch());
    if (c.phase() == ContractPhase.Running || c.phase() == ContractPhase.Resharing) {
      s.put("prospective_epoch_id", c.prospectiveEpoch());
    }
    c.cancelledReshareEpoch().ifPresent(e -> s.put("previously_cancelled_resharing_epoch_id", e));
    s.set("parameters", ContractJson.parametersNode(c.parameters().orElseThrow()));
    c.proposedParameters().ifPresent(p -> s.set("proposed_parameters", ContractJson.parametersNode(p)));
    s.set("domains", ContractJson.domainsNode(c.domains()));
    ObjectNode keys = s.putObject("keys");
    c.keys.forEach((d, k) -> keys.put(String.valueOf(d), k.toNearString()));
    ObjectNode votes = s.putObject("votes");
    c.votes().forEach((topic, voters) -> {
      ArrayNode a = votes.putArray(topic);
      voters.forEach(a::add);
    });
    return root;
  }

  private static CallOutcome returned(String json, List<Resolution> resolutions) {
    return new CallOutcome.Returned(json, resolutions);
  }
}
