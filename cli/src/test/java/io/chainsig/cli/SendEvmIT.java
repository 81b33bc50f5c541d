package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.testing.AnvilNode;
import io.chainsig.sdk.testing.FreePort;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

/**
 * Issue 6's Ethereum acceptance test: a devnet (sandbox + 5 MPC nodes) and anvil on 127.0.0.1.
 * {@code chainsig address} gives the derived address, anvil's dev account funds it, {@code chainsig
 * send evm} sends an EIP-1559 and a legacy transfer signed by the network; the receipts succeed, the
 * balances move and web3j recovers the derived address as the sender from the raw transactions.
 * Insufficient funds, a bad destination, an unreachable RPC and a sign request the chain refuses
 * each give one {@code error:} line and send nothing.
 */
@ExtendWith(SharedDevnet.class)
class SendEvmIT {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final String RECIPIENT = "0x00000000000000000000000000000000000c0de1";

  private static AnvilNode anvil;

  @BeforeAll
  static void startAnvil() {
    anvil = AnvilNode.start();
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  private static String devnet() {
    return SharedDevnet.file().toString();
  }

  /** The address alice.test.near controls for a path, computed here from the devnet's root key. */
  private static EvmAddress derivedAddress(String account, String path) {
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(SharedDevnet.description().path("root_public_key").asText());
    return EvmAddress.of(KeyDerivation.deriveSecp256k1(root, NearAccountId.of(account), path));
  }

  private static ChainsigLauncher.Result send(String path, String to, BigInteger wei, String... more) {
    String[] base = {"send", "evm", "--devnet", devnet(), "--path", path, "--evm-rpc", anvil.url().toString(),
        "--to", to, "--value-wei", wei.toString(), "--json"};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return ChainsigLauncher.run(args);
  }

  @Test
  void addressIsTheKeyDerivedFromTheContractsRootForTheAccountAndPath() {
    ChainsigLauncher.Result r = ChainsigLauncher.run("address", "--devnet", devnet(), "--chain", "evm", "--path", "ethereum-1", "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode j = r.json();
    assertThat(j.path("address").asText()).isEqualTo(derivedAddress("alice.test.near", "ethereum-1").toChecksumString());
    assertThat(j.path("public_key").asText()).startsWith("secp256k1:");

    // The explicit form names the same account and gives the same address.
    ChainsigLauncher.Result explicit = ChainsigLauncher.run(ChainsigLauncher.args(List.of("address", "--path", "ethereum-1", "--json"),
        SharedDevnet.explicitOptions(null, null, null, null)));
    assertThat(explicit.code()).as(explicit.toString()).isZero();
    assertThat(explicit.json().path("address")).isEqualTo(j.path("address"));
  }

  @Test
  void eip1559AndLegacyTransfersSignedByTheNetworkAreMinedFromTheDerivedAddress() throws Exception {
    String path = "ethereum-send";
    EvmAddress derived = derivedAddress("alice.test.near", path);
    EvmAddress recipient = EvmAddress.parse(RECIPIENT);
    anvil.fund(derived, ETHER);
    BigInteger recipientBefore = anvil.balance(recipient);

    BigInteger value1559 = ETHER.divide(BigInteger.TEN);
    ChainsigLauncher.Result r1559 = send(path, RECIPIENT, value1559);
    assertThat(r1559.code()).as(r1559.toString()).isZero();
    JsonNode tx1559 = r1559.json();
    assertMinedFrom(tx1559, derived, "0x2");

    BigInteger valueLegacy = ETHER.divide(BigInteger.valueOf(20));
    ChainsigLauncher.Result rLegacy = send(path, RECIPIENT, valueLegacy, "--legacy");
    assertThat(rLegacy.code()).as(rLegacy.toString()).isZero();
    JsonNode txLegacy = rLegacy.json();
    assertMinedFrom(txLegacy, derived, "0x0");
    long v = Long.decode(anvil.call("eth_getTransactionByHash", txLegacy.path("tx_hash").asText()).path("v").asText());
    assertThat(v).as("EIP-155 v").isIn(35 + 2 * AnvilNode.CHAIN_ID, 36 + 2 * AnvilNode.CHAIN_ID);

    assertThat(anvil.balance(recipient)).isEqualTo(recipientBefore.add(value1559).add(valueLegacy));
    BigInteger fees = feePaid(tx1559).add(feePaid(txLegacy));
    assertThat(anvil.balance(derived)).isEqualTo(ETHER.subtract(value1559).subtract(valueLegacy).subtract(fees));
  }

  private static void assertMinedFrom(JsonNode printed, EvmAddress derived, String type) throws Exception {
    String hash = printed.path("tx_hash").asText();
    assertThat(printed.path("status").asText()).isEqualTo("success");
    assertThat(EvmAddress.parse(printed.path("from").asText())).isEqualTo(derived);
    assertThat(printed.path("block_number").asLong()).isPositive();
    assertThat(printed.path("gas_used").asLong()).isEqualTo(21_000);
    JsonNode receipt = anvil.call("eth_getTransactionReceipt", hash);
    assertThat(receipt.path("status").asText()).isEqualTo("0x1");
    assertThat(anvil.call("eth_getTransactionByHash", hash).path("type").asText()).isEqualTo(type);
    // web3j, independently of the SDK's path, recovers the sender from the raw signed bytes.
    String raw = anvil.call("eth_getRawTransactionByHash", hash).asText();
    RawTransaction decoded = TransactionDecoder.decode(raw);
    assertThat(decoded).isInstanceOf(SignedRawTransaction.class);
    assertThat(EvmAddress.parse(((SignedRawTransaction) decoded).getFrom())).as("recovered sender").isEqualTo(derived);
  }

  private static BigInteger feePaid(JsonNode printed) {
    JsonNode r = anvil.call("eth_getTransactionReceipt", printed.path("tx_hash").asText());
    return new BigInteger(r.path("gasUsed").asText().substring(2), 16)
        .multiply(new BigInteger(r.path("effectiveGasPrice").asText().substring(2), 16));
  }

  @Test
  void insufficientFundsIsOneErrorLineAndNothingIsSent() {
    String path = "ethereum-poor";
    EvmAddress derived = derivedAddress("alice.test.near", path);
    anvil.fund(derived, BigInteger.valueOf(1000));
    ChainsigLauncher.Result r = send(path, RECIPIENT, BigInteger.valueOf(999));
    ChainsigLauncher.assertOneErrorLine(r, "error: insufficient funds: need ");
    assertNothingSentFrom(derived);
    assertThat(anvil.balance(derived)).isEqualTo(BigInteger.valueOf(1000));
  }

  @Test
  void aBadDestinationIsOneErrorLineAndNothingIsSent() {
    String path = "ethereum-bad-destination";
    EvmAddress derived = derivedAddress("alice.test.near", path);
    anvil.fund(derived, ETHER);
    ChainsigLauncher.assertOneErrorLine(send(path, "0x1234", BigInteger.ONE), "error: bad destination address '0x1234'");
    ChainsigLauncher.assertOneErrorLine(send(path, "0x00000000000000000000000000000000000C0de1", BigInteger.ONE), "error: bad destination address");
    assertNothingSentFrom(derived);
  }

  @Test
  void anUnreachableRpcIsOneErrorLineAndNothingIsSigned() {
    ChainsigLauncher.Result r = ChainsigLauncher.run("send", "evm", "--devnet", devnet(), "--path", "ethereum-offline",
        "--evm-rpc", "http://127.0.0.1:" + FreePort.next(), "--to", RECIPIENT, "--value-wei", "1");
    ChainsigLauncher.assertOneErrorLine(r, "error: cannot reach the EVM RPC at http://127.0.0.1:");

    ChainsigLauncher.Result nearDown = ChainsigLauncher.run(ChainsigLauncher.args(List.of("send", "evm", "--path", "ethereum-offline",
        "--evm-rpc", anvil.url().toString(), "--to", RECIPIENT, "--value-wei", "1"),
        SharedDevnet.explicitOptions("http://127.0.0.1:" + FreePort.next(), null, null, null)));
    ChainsigLauncher.assertOneErrorLine(nearDown, "error: NEAR RPC http://127.0.0.1:");
    assertThat(nearDown.err()).contains("unreachable");
  }

  @Test
  void aSignRequestTheChainRefusesIsOneErrorLineAndNothingIsSent() {
    // An account the chain does not know: its derived address is funded, but its sign call is refused.
    String stranger = "stranger.test.near";
    String path = "ethereum-refused";
    EvmAddress derived = derivedAddress(stranger, path);
    anvil.fund(derived, ETHER);
    ChainsigLauncher.Result r = ChainsigLauncher.run(ChainsigLauncher.args(List.of("send", "evm", "--path", path,
        "--evm-rpc", anvil.url().toString(), "--to", RECIPIENT, "--value-wei", "1000"),
        SharedDevnet.explicitOptions(null, null, stranger, SharedDevnet.keyFileOfUnknownAccount(stranger))));
    ChainsigLauncher.assertOneErrorLine(r, "error: the signer contract signer.test.near did not sign for stranger.test.near");
    assertNothingSentFrom(derived);
    assertThat(anvil.balance(derived)).isEqualTo(ETHER);
  }

  private static void assertNothingSentFrom(EvmAddress address) {
    assertThat(anvil.call("eth_getTransactionCount", address.toChecksumString(), "pending").asText())
        .as("nonce of %s (nothing sent)", address).isEqualTo("0x0");
  }
}
