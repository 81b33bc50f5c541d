package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.Chain;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chainsig address}: the address an account controls on another chain through the signer
 * contract (the contract's root key, derived for the account and path).
 */
@Command(
    name = "address",
    mixinStandardHelpOptions = true,
    description = {
      "The address an account controls on another chain for a path.",
      "It is the contract's root key derived for (account, path): the key the",
      "network signs with for this account and path."
    },
    footer = {
      "",
      "Examples:",
      "  chainsig address --devnet devnet-home/devnet.json --path ethereum-1",
      "  chainsig address --devnet devnet-home/devnet.json --chain bitcoin --path btc"
    })
public final class AddressCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin DerivedKeyOptions signingKey;

  @Option(names = "--chain", paramLabel = "CHAIN", defaultValue = "evm",
      description = "evm, bitcoin, bitcoin-testnet or bitcoin-regtest (default: ${DEFAULT-VALUE}).")
  String chain;

  @Option(names = "--hrp", paramLabel = "HRP",
      description = "Bitcoin chains: another human-readable part for the segwit address (e.g. rltc for Litecoin regtest).")
  String hrp;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Chain target = Chain.fromName(chain);
    if (target.curve() != Chain.Curve.SECP256K1) {
      throw new CliException("the signer contract signs secp256k1 keys: --chain must be evm or a Bitcoin chain");
    }
    if (hrp != null && !target.isBitcoin()) {
      throw new CliException("--hrp is only for Bitcoin chains");
    }
    ChainSignaturesClient client = signingKey.client();
    Secp256k1PublicKey key = client.derivedPublicKey(signingKey.path());

    ObjectNode o = JSON.createObjectNode();
    o.put("account_id", client.account().value());
    o.put("path", signingKey.path());
    o.put("chain", target.cliName());
    if (target.isBitcoin()) {
      SegwitAddress address = SegwitAddress.p2wpkh(target.bitcoinNetwork(), key);
      if (hrp != null) {
        address = SegwitAddress.of(hrp, 0, address.program());
      }
      o.put("address", address.encode());
      o.put("script_pubkey", Hex.encode(address.scriptPubKey()));
    } else {
      o.put("address", target.addressOf(key));
    }
    o.put("public_key", key.toNearString());
    o.put("public_key_compressed_hex", key.toCompressedHex());
    ResultPrinter.print(spec.commandLine().getOut(), o, json);
    return 0;
  }
}
