package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.ProductionRoots;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.Chain;
import io.chainsig.derivation.address.P2pkhAddress;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chainsig derive}: the child public key and address of (account, path) under a root key. */
@Command(
    name = "derive",
    mixinStandardHelpOptions = true,
    description = {
      "Derive the child public key and chain address that an account controls for a path.",
      "child = root + eps*G, eps = SHA3-256(\"near-mpc-recovery v0.1.0 epsilon derivation:\""
          + " + account + \",\" + path), exactly as NEAR's signer contract computes it."
    },
    footer = {
      "",
      "Examples:",
      "  chainsig derive --root testnet --account alice.testnet --path ethereum-1",
      "  chainsig derive --root mainnet --account alice.near --path btc --chain bitcoin --json"
    })
public final class DeriveCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "KEY",
      description =
          "Root public key: secp256k1:<base58 X||Y>, ed25519:<base58>, SEC1 hex (compressed or"
              + " uncompressed), or an alias: mainnet, testnet, mainnet-ed25519, testnet-ed25519.")
  String root;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ID",
      description = "The NEAR account that calls sign (the predecessor).")
  String account;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "PATH",
      description = "The derivation path (any string, may be empty).")
  String path;

  @Option(
      names = "--chain",
      paramLabel = "CHAIN",
      description =
          "evm, bitcoin, bitcoin-testnet, bitcoin-regtest (secp256k1 roots) or near, solana"
              + " (ed25519 roots). Default: evm for secp256k1, near for ed25519.")
  String chain;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NearPublicKey rootKey = ProductionRoots.resolve(root);
    NearAccountId predecessor = NearAccountId.of(account);
    Chain target = chain == null ? Chain.defaultFor(rootKey) : Chain.fromName(chain);
    DerivationTweak tweak = DerivationTweak.of(predecessor, path);
    NearPublicKey child = KeyDerivation.derive(rootKey, predecessor, path);
    String address = target.addressOf(child);

    Map<String, String> out = new LinkedHashMap<>();
    out.put("predecessor", predecessor.value());
    out.put("path", path);
    out.put("tweak", tweak.toHex());
    out.put("public_key", child.toNearString());
    out.put("public_key_hex", child.toHex());
    if (child instanceof Secp256k1PublicKey k) {
      out.put("public_key_compressed_hex", k.toCompressedHex());
    }
    out.put("chain", target.cliName());
    out.put("address", address);
    if (target.isBitcoin() && child instanceof Secp256k1PublicKey k) {
      out.put("p2pkh_address", P2pkhAddress.of(target.bitcoinNetwork(), k));
    }

    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      out.forEach(node::put);
      w.println(JSON.writeValueAsString(node));
    } else {
      int width = out.keySet().stream().mapToInt(String::length).max().orElse(0);
      out.forEach((k, v) -> w.printf("%-" + width + "s  %s%n", k, v));
    }
    w.flush();
    return 0;
  }
}
