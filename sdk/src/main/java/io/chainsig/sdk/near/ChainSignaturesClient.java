package io.chainsig.sdk.near;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.near.NearKeyFile;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.sdk.RpcUnreachableException;
import io.chainsig.sdk.SignatureRefusedException;
import io.chainsig.sdk.signer.EcdsaSignature;
import io.chainsig.sdk.signer.PayloadSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A client of the signer contract for one NEAR account: derives the account's child keys and asks
 * the network for signatures ({@code sign} with 1 yoctoNEAR), waiting for the answer.
 *
 * <pre>{@code
 * ChainSignaturesClient client = ChainSignaturesClient.fromDevnet(Path.of("devnet-home/devnet.json"));
 * Secp256k1PublicKey key = client.derivedPublicKey("ethereum-1");
 * EcdsaSignature sig = client.sign("ethereum-1", hash32);   // verified against key
 * }</pre>
 */
public final class ChainSignaturesClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NearRpcClient rpc;
  private final String contract;
  private final NearAccountId account;
  private final NearTransactionSender sender;
  private volatile Secp256k1PublicKey root;

  /**
   * A client for {@code account} (whose key is {@code key}) of the contract {@code contract} at
   * the NEAR JSON-RPC endpoint {@code rpcUrl}.
   */
  public ChainSignaturesClient(String rpcUrl, String contract, NearKeyFile key) {
    this.rpc = new NearRpcClient(rpcUrl);
    this.contract = NearAccountId.of(contract).value();
    this.account = NearAccountId.of(key.accountId());
    this.sender = new NearTransactionSender(rpc, key.accountId(), key.publicKey(), key.seed());
  }

  /** A client for the first account of a devnet ({@code devnet.json}). */
  public static ChainSignaturesClient fromDevnet(Path devnetJson) {
    return fromDevnet(devnetJson, null);
  }

  /** A client for {@code accountId} (or the first account when null) of a devnet. */
  public static ChainSignaturesClient fromDevnet(Path devnetJson, String accountId) {
    try {
      JsonNode d = JSON.readTree(devnetJson.toFile());
      for (JsonNode a : d.path("accounts")) {
        if (accountId == null || accountId.equals(a.path("account_id").asText())) {
          return new ChainSignaturesClient(d.path("rpc_url").asText(), d.path("contract_id").asText(),
              NearKeyFile.read(Path.of(a.path("key_file").asText())));
        }
      }
      throw new IllegalArgumentException("devnet " + devnetJson + " has no account " + (accountId == null ? "" : accountId));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read devnet file " + devnetJson + ": " + e.getMessage(), e);
    }
  }

  /** The calling account. */
  public NearAccountId account() {
    return account;
  }

  /** The contract's root key (domain 0), read once. */
  public Secp256k1PublicKey rootPublicKey() {
    Secp256k1PublicKey r = root;
    if (r == null) {
      try {
        NearPublicKey k = NearPublicKey.parse(rpc.view(contract, "public_key", "{}").asText());
        if (!(k instanceof Secp256k1PublicKey sk)) {
          throw new SignatureRefusedException("the contract's root key is not secp256k1: " + k);
        }
        root = r = sk;
      } catch (ChainException e) {
        throw unreachableOrRefused("cannot read the root key of the signer contract " + contract, e);
      }
    }
    return r;
  }

  /** The child key of this account and {@code path}: root + eps*G, derived locally. */
  public Secp256k1PublicKey derivedPublicKey(String path) {
    return KeyDerivation.deriveSecp256k1(rootPublicKey(), account, path);
  }

  /**
   * Asks the network to sign a 32-byte payload under the key of {@code path} and waits for the
   * answer (until the contract's timeout).
   *
   * @throws SignatureRefusedException if the contract refused or timed out the request
   * @throws RpcUnreachableException if the NEAR endpoint cannot be reached
   */
  public EcdsaSignature sign(String path, byte[] payload32) {
    if (payload32.length != 32) {
      throw new IllegalArgumentException("payload must be 32 bytes, got " + payload32.length);
    }
    ObjectNode args = JSON.createObjectNode();
    ObjectNode req = args.putObject("request");
    req.put("path", path);
    req.putObject("payload_v2").put("Ecdsa", Hex.encode(payload32));
    req.put("domain_id", 0);
    JsonNode outcome;
    try {
      outcome = sender.functionCall(contract, "sign", args.toString(), BigInteger.ONE);
    } catch (ChainException e) {
      throw unreachableOrRefused("the signer contract " + contract + " did not sign for " + account, e);
    }
    try {
      JsonNode r = JSON.readTree(NearTransactionSender.successValue(outcome));
      return EcdsaSignature.fromNearResponse(
          r.path("big_r").path("affine_point").asText(), r.path("s").path("scalar").asText(), r.path("recovery_id").asInt());
    } catch (IOException | IllegalArgumentException e) {
      throw new SignatureRefusedException("the contract's answer is not a signature: " + e.getMessage(), e);
    }
  }

  /**
   * The {@link PayloadSigner} of one path for the chain adapters (which verify every answer
   * against {@link #derivedPublicKey} before use).
   */
  public PayloadSigner signerFor(String path) {
    return payload -> sign(path, payload);
  }

  private static RuntimeException unreachableOrRefused(String what, ChainException e) {
    if (e.getMessage() != null && e.getMessage().contains("unreachable")) {
      return new RpcUnreachableException(e.getMessage(), e);
    }
    return new SignatureRefusedException(what + ": " + e.getMessage(), e);
  }
}
