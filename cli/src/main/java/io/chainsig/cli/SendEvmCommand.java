package io.chainsig.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.evm.EvmAdapter;
import io.chainsig.sdk.evm.EvmReceipt;
import io.chainsig.sdk.evm.EvmRpc;
import io.chainsig.sdk.evm.EvmTransactionType;
import io.chainsig.sdk.evm.EvmTransfer;
import io.chainsig.sdk.near.ChainSignaturesClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chainsig send evm}: a value transfer from the derived EVM address (EIP-1559, or legacy
 * EIP-155), signed by the network, broadcast, and its receipt.
 */
@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = {
      "Send wei from the account's derived EVM address: nonce, gas and fees from the",
      "node, the signing hash signed by the network, the sender checked, broadcast,",
      "then wait for the receipt. Nothing is signed or sent when the address cannot",
      "pay value plus the maximum fee."
    },
    footer = {
      "",
      "Example:",
      "  chainsig send evm --devnet devnet-home/devnet.json --path ethereum-1 \\",
      "      --evm-rpc http://127.0.0.1:8545 \\",
      "      --to 0x3535353535353535353535353535353535353535 --value-wei 1000"
    })
public final class SendEvmCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin DerivedKeyOptions signingKey;

  @Option(names = "--evm-rpc", required = true, paramLabel = "URL", description = "The EVM chain's JSON-RPC endpoint.")
  String evmRpc;

  @Option(names = "--to", required = true, paramLabel = "0x..", description = "The destination address (EIP-55 checked if mixed case).")
  String to;

  @Option(names = "--value-wei", required = true, paramLabel = "N", description = "The amount in wei.")
  BigInteger valueWei;

  @Option(names = "--legacy", description = "A legacy EIP-155 transaction (default: EIP-1559).")
  boolean legacy;

  @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "120",
      description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    EvmTransactionType type = legacy ? EvmTransactionType.LEGACY : EvmTransactionType.EIP1559;
    EvmTransfer transfer = EvmTransfer.to(to, valueWei, type);
    URI url = rpcUrl(evmRpc);
    ChainSignaturesClient client = signingKey.client();
    Secp256k1PublicKey key = client.derivedPublicKey(signingKey.path());
    EvmReceipt receipt;
    try (EvmRpc rpc = new EvmRpc(url)) {
      EvmAdapter adapter = new EvmAdapter(rpc, key, client.signerFor(signingKey.path()), Duration.ofSeconds(timeoutSeconds));
      receipt = adapter.send(transfer);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("tx_hash", receipt.transactionHash());
    o.put("status", receipt.success() ? "success" : "reverted");
    o.put("block_number", receipt.blockNumber().longValueExact());
    o.put("gas_used", receipt.gasUsed().longValueExact());
    o.put("from", receipt.from());
    o.put("to", transfer.to().toChecksumString());
    o.put("value_wei", transfer.valueWei().toString());
    o.put("type", legacy ? "legacy" : "eip1559");
    ResultPrinter.print(spec.commandLine().getOut(), o, json);
    return receipt.success() ? 0 : 1;
  }

  private static URI rpcUrl(String text) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new CliException("--evm-rpc is not a valid URL");
    }
  }
}
