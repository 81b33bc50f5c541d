package io.chainsig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.NearKeyFile;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chainsig sign}: ask the network for a signature through the signer contract. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Send sign(payload, path) to the signer contract, wait for the network's answer, verify it",
      "against the derived key and print it."
    })
public final class SignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Where to send: a devnet file or explicit endpoints. */
  static final class Target {
    @Option(names = "--devnet", paramLabel = "FILE", description = "A devnet.json: its RPC, contract and first account.")
    Path devnet;

    @ArgGroup(exclusive = false)
    Explicit explicit;
  }

  /** Explicit endpoints. */
  static final class Explicit {
    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "NEAR JSON-RPC endpoint.")
    String rpc;

    @Option(names = "--contract", required = true, paramLabel = "ID", description = "The signer contract account.")
    String contract;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "The account that signs the transaction.")
    String account;

    @Option(names = "--key-file", required = true, paramLabel = "F", description = "Its key file (neard format).")
    Path keyFile;
  }

  @Option(names = "--path", required = true, paramLabel = "P", description = "The derivation path.")
  String path;

  @Option(names = "--payload", required = true, paramLabel = "HEX", description = "The 32-byte message hash to sign, hex.")
  String payload;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    byte[] hash;
    try {
      hash = Hex.decode(payload, 32);
    } catch (IllegalArgumentException e) {
      throw new CliException("--payload must be 32 bytes of hex: " + e.getMessage());
    }
    String rpcUrl;
    String contract;
    String account;
    Path keyFile;
    if (target.devnet != null) {
      JsonNode d;
      try {
        d = JSON.readTree(target.devnet.toFile());
      } catch (java.io.IOException e) {
        throw new CliException("cannot read devnet file " + target.devnet + ": " + e.getMessage());
      }
      rpcUrl = d.path("rpc_url").asText();
      contract = d.path("contract_id").asText();
      account = d.path("accounts").path(0).path("account_id").asText();
      keyFile = Path.of(d.path("accounts").path(0).path("key_file").asText());
    } else {
      rpcUrl = target.explicit.rpc;
      contract = target.explicit.contract;
      account = target.explicit.account;
      keyFile = target.explicit.keyFile;
    }
    NearAccountId.of(account);
    NearKeyFile key;
    try {
      key = JSON.readValue(keyFile.toFile(), NearKeyFile.class);
    } catch (java.io.IOException e) {
      throw new CliException("cannot read key file " + keyFile + ": " + e.getMessage());
    }
    NearRpcClient rpc = new NearRpcClient(rpcUrl);
    NearTransactionSender sender = new NearTransactionSender(rpc, account, key.publicKey(), key.seed());
    ObjectNode args = JSON.createObjectNode();
    ObjectNode req = args.putObject("request");
    req.put("path", path);
    req.putObject("payload_v2").put("Ecdsa", Hex.encode(hash));
    req.put("domain_id", 0);
    JsonNode outcome;
    try {
      outcome = sender.functionCall(contract, "sign", args.toString(), BigInteger.ONE);
    } catch (io.chainsig.near.rpc.ChainException e) {
      throw new CliException("sign failed: " + e.getMessage());
    }
    JsonNode resp = JSON.readTree(NearTransactionSender.successValue(outcome));
    String bigR = resp.path("big_r").path("affine_point").asText();
    String s = resp.path("s").path("scalar").asText();
    int recoveryId = resp.path("recovery_id").asInt();

    // Verify before printing: the signature must be valid under root + eps*G.
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(rpc.view(contract, "public_key", "{}").asText());
    Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root, NearAccountId.of(account), path);
    EcdsaSignature sig = new EcdsaSignature(Secp256k1Point.fromSec1(Hex.decode(bigR)), Secp256k1Scalar.fromBytes(Hex.decode(s)), recoveryId);
    if (!sig.verifies(Secp256k1Scalar.reduceBytes(hash), derived.point())) {
      throw new CliException("the network's signature does not verify under the derived key " + derived.toNearString());
    }
    ObjectNode o = JSON.createObjectNode();
    o.putObject("big_r").put("affine_point", bigR);
    o.putObject("s").put("scalar", s);
    o.put("recovery_id", recoveryId);
    o.put("public_key", derived.toNearString());
    o.put("public_key_hex", derived.toHex());
    o.put("account_id", account);
    o.put("path", path);
    o.put("payload", Hex.encode(hash));
    if (json) {
      spec.commandLine().getOut().println(o.toString());
    } else {
      var w = spec.commandLine().getOut();
      w.println("big_r        " + bigR);
      w.println("s            " + s);
      w.println("recovery_id  " + recoveryId);
      w.println("public_key   " + derived.toNearString());
      w.println("verified     yes (under root + eps*G for " + account + ", path '" + path + "')");
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
