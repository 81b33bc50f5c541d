package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.near.ChainSignaturesClient;
import io.chainsig.sdk.signer.EcdsaSignature;
import io.chainsig.sdk.signer.SignatureVerifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin DerivedKeyOptions signingKey;

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
    ChainSignaturesClient client = signingKey.client();
    EcdsaSignature sig = client.sign(signingKey.path(), hash);

    // Verify before printing: the signature must be valid under root + eps*G (the SDK's verifier,
    // as for every signature the adapters and the wallet use).
    Secp256k1PublicKey derived = client.derivedPublicKey(signingKey.path());
    SignatureVerifier.verify(hash, sig, derived);
    String bigR = Hex.encode(sig.bigR().toCompressed());
    String s = sig.s().toHex();
    String account = client.account().value();
    ObjectNode o = JSON.createObjectNode();
    o.putObject("big_r").put("affine_point", bigR);
    o.putObject("s").put("scalar", s);
    o.put("recovery_id", sig.recoveryId());
    o.put("public_key", derived.toNearString());
    o.put("public_key_hex", derived.toHex());
    o.put("account_id", account);
    o.put("path", signingKey.path());
    o.put("payload", Hex.encode(hash));
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(o.toString());
    } else {
      w.println("big_r        " + bigR);
      w.println("s            " + s);
      w.println("recovery_id  " + sig.recoveryId());
      w.println("public_key   " + derived.toNearString());
      w.println("verified     yes (under root + eps*G for " + account + ", path '" + signingKey.path() + "')");
    }
    w.flush();
    return 0;
  }
}
