package io.chainsig.node.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.nio.charset.StandardCharsets;

/** The JSON arguments of the contract calls a node makes ({@code respond}, {@code vote_pk}). */
public final class ContractCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractCalls() {}

  /** {@code respond({request, response})} for a pending request and its signature. */
  public static byte[] respondArgs(PendingSign request, EcdsaSignature signature) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode req = root.putObject("request");
    req.put("tweak", request.tweakHex());
    req.putObject("payload").put("Ecdsa", request.payloadHex());
    req.put("domain_id", request.domainId());
    ObjectNode resp = root.putObject("response");
    resp.put("scheme", "Secp256k1");
    resp.putObject("big_r").put("affine_point", Hex.encode(signature.bigR().toCompressed()));
    resp.putObject("s").put("scalar", signature.s().toHex());
    resp.put("recovery_id", signature.recoveryId());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code vote_pk({domain_id, public_key})}. */
  public static byte[] votePkArgs(int domainId, Secp256k1Point publicKey) {
    ObjectNode root = JSON.createObjectNode();
    root.put("domain_id", domainId);
    root.put("public_key", new Secp256k1PublicKey(publicKey).toNearString());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
