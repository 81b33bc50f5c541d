package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.Chain;
import io.chainsig.sdk.bitcoin.BitcoinAdapter;
import io.chainsig.sdk.bitcoin.BitcoinNode;
import io.chainsig.sdk.bitcoin.BitcoinRpcClient;
import io.chainsig.sdk.bitcoin.BitcoinRpcEndpoint;
import io.chainsig.sdk.bitcoin.BitcoinTransfer;
import io.chainsig.sdk.bitcoin.FeeRate;
import io.chainsig.sdk.bitcoin.SignedBitcoinTransaction;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chainsig send bitcoin}: spends the derived key's P2WPKH outputs (found by script through a
 * Bitcoin Core compatible RPC), one network signature per input, change back to the same script.
 */
@Command(
    name = "bitcoin",
    mixinStandardHelpOptions = true,
    description = {
      "Send satoshis from the account's derived P2WPKH address. Its outputs are found",
      "by script (scantxoutset) and selected at the fee rate; each input's BIP143",
      "sighash is signed by the network; the node is asked (testmempoolaccept) and",
      "only then is the transaction broadcast. Nothing is signed or sent when the",
      "outputs cannot pay amount plus fee."
    },
    footer = {
      "",
      "Examples:",
      "  chainsig send bitcoin --devnet devnet-home/devnet.json --path btc \\",
      "      --chain bitcoin-regtest --btc-rpc http://user:password@127.0.0.1:18443 \\",
      "      --to bcrt1q... --amount-sat 50000 --fee-rate 5",
      "  Litecoin regtest: --hrp rltc --to rltc1q..., or --to-script 0014<20 bytes>"
    })
public final class SendBitcoinCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin DerivedKeyOptions signingKey;

  @Option(names = "--btc-rpc", required = true, paramLabel = "URL",
      description = "The node's JSON-RPC endpoint, http(s)://[user:password@]host:port.")
  String btcRpc;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Destination destination;

  /** Where to pay: an address, or an output script. */
  static final class Destination {
    @Option(names = "--to", paramLabel = "ADDR", description = "The destination segwit address (of this network's hrp).")
    String address;

    @Option(names = "--to-script", paramLabel = "HEX", description = "The destination witness output script, hex.")
    String script;
  }

  @Option(names = "--amount-sat", required = true, paramLabel = "N", description = "The amount in satoshis.")
  long amountSat;

  @Option(names = "--fee-rate", required = true, paramLabel = "SAT_PER_VB", description = "The fee rate in sat/vB.")
  long feeRate;

  @Option(names = "--chain", paramLabel = "CHAIN", defaultValue = "bitcoin",
      description = "bitcoin, bitcoin-testnet or bitcoin-regtest (default: ${DEFAULT-VALUE}).")
  String chain;

  @Option(names = "--hrp", paramLabel = "HRP",
      description = "Another segwit human-readable part for this network (e.g. rltc for Litecoin regtest).")
  String hrp;

  @Option(names = "--confirmations", paramLabel = "N", defaultValue = "0",
      description = "Wait until the payment has this many confirmations (default: ${DEFAULT-VALUE}, do not wait).")
  int confirmations;

  @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "3600",
      description = "How long to wait for the confirmations (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Chain network = bitcoinChain();
    String networkHrp = hrp != null ? hrp : network.bitcoinNetwork().bech32Hrp();
    BitcoinTransfer transfer = transfer(networkHrp);
    BitcoinRpcEndpoint endpoint = BitcoinRpcEndpoint.parse(btcRpc);
    ChainSignaturesClient client = signingKey.client();
    Secp256k1PublicKey key = client.derivedPublicKey(signingKey.path());
    ObjectNode o = JSON.createObjectNode();
    try (BitcoinNode node = new BitcoinNode(new BitcoinRpcClient(endpoint, Duration.ofSeconds(30)))) {
      BitcoinAdapter adapter = new BitcoinAdapter(node, networkHrp, key, client.signerFor(signingKey.path()));
      SignedBitcoinTransaction tx = adapter.send(transfer);
      o.put("txid", tx.txid());
      o.put("status", "broadcast");
      if (confirmations > 0) {
        long seen = adapter.awaitConfirmations(tx.txid(), 0, confirmations, Duration.ofSeconds(timeoutSeconds));
        o.put("status", "confirmed");
        o.put("confirmations", seen);
      }
      o.put("from", adapter.address().encode());
      o.put("to", transfer.destination().encode());
      o.put("amount_sat", transfer.amountSat());
      o.put("fee_sat", tx.feeSat());
      o.put("vsize", tx.vsize());
    }
    ResultPrinter.print(spec.commandLine().getOut(), o, json);
    return 0;
  }

  private Chain bitcoinChain() {
    Chain c = Chain.fromName(chain);
    if (!c.isBitcoin()) {
      throw new CliException("--chain must be bitcoin, bitcoin-testnet or bitcoin-regtest");
    }
    return c;
  }

  private BitcoinTransfer transfer(String networkHrp) {
    FeeRate rate = new FeeRate(feeRate);
    if (destination.address != null) {
      return BitcoinTransfer.to(destination.address, networkHrp, amountSat, rate);
    }
    return BitcoinTransfer.toScript(destination.script, networkHrp, amountSat, rate);
  }
}
