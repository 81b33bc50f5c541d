package io.chainsig.cli;

import static io.chainsig.sdk.testing.LitecoindNode.sat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.testing.FreePort;
import io.chainsig.sdk.testing.LitecoindNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6's Bitcoin acceptance test: a devnet (sandbox + 5 MPC nodes) and {@code litecoind
 * -regtest} on 127.0.0.1 (Bitcoin's segwit format and BIP143 sighash; addresses with hrp {@code
 * rltc}, so the test talks to it in scripts). The derived key's P2WPKH script is funded twice and
 * {@code chainsig send bitcoin} spends both outputs in one transaction with two network signatures;
 * the node accepts and mines it, and the outputs are where they should be. Insufficient funds, a bad
 * destination, an unreachable RPC, a contract that is not there and a sign request the chain refuses
 * each give one {@code error:} line and send nothing.
 */
@ExtendWith(SharedDevnet.class)
class SendBitcoinIT {
  private static LitecoindNode litecoind;

  @BeforeAll
  static void startLitecoind() {
    litecoind = LitecoindNode.start();
  }

  @AfterAll
  static void stopLitecoind() {
    if (litecoind != null) {
      litecoind.close();
    }
  }

  private static Secp256k1PublicKey rootKey() {
    return (Secp256k1PublicKey) NearPublicKey.parse(SharedDevnet.description().path("root_public_key").asText());
  }

  private static Secp256k1PublicKey derivedKey(String path) {
    return KeyDerivation.deriveSecp256k1(rootKey(), NearAccountId.of("alice.test.near"), path);
  }

  /** A key's P2WPKH output script, computed with bitcoinj's HASH160 (independently of the cli). */
  private static byte[] p2wpkhScript(Secp256k1PublicKey key) {
    return SegwitAddress.of(LitecoindNode.HRP, 0, ECKey.fromPublicOnly(key.point().toCompressed()).getPubKeyHash())
        .scriptPubKey();
  }

  /** The derived key's P2WPKH script, as {@code chainsig address} prints it (checked against the derivation). */
  private static byte[] derivedScript(String path) {
    ChainsigLauncher.Result r = ChainsigLauncher.run("address", "--devnet", SharedDevnet.file().toString(),
        "--chain", "bitcoin-regtest", "--hrp", LitecoindNode.HRP, "--path", path, "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    byte[] script = Hex.decode(r.json().path("script_pubkey").asText());
    assertThat(script).isEqualTo(p2wpkhScript(derivedKey(path)));
    assertThat(r.json().path("address").asText()).isEqualTo(LitecoindNode.addressOf(script)).startsWith("rltc1q");
    return script;
  }

  /** The derived script of a path, holding one confirmed output of {@code coins}. */
  private static byte[] fundedScript(String path, String coins) {
    byte[] script = derivedScript(path);
    litecoind.fund(script, new BigDecimal(coins));
    litecoind.mine(1);
    return script;
  }

  private static ChainsigLauncher.Result send(String path, String destinationOption, String destination, long amountSat) {
    return ChainsigLauncher.run("send", "bitcoin", "--devnet", SharedDevnet.file().toString(), "--path", path,
        "--btc-rpc", litecoind.urlWithCredentials(), "--chain", "bitcoin-regtest", "--hrp", LitecoindNode.HRP,
        destinationOption, destination, "--amount-sat", String.valueOf(amountSat), "--fee-rate", "5", "--json");
  }

  @Test
  void twoFundedOutputsAreSpentInOneTransactionWithTwoNetworkSignaturesAndMined() {
    String path = "bitcoin-send";
    byte[] script = derivedScript(path);
    String funding1 = litecoind.fund(script, new BigDecimal("1.0"));
    String funding2 = litecoind.fund(script, new BigDecimal("0.6"));
    litecoind.mine(1);
    String destination = litecoind.newWalletAddress();
    long amount = sat("1.3");

    ChainsigLauncher.Result r = send(path, "--to", destination, amount);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).doesNotContain(litecoind.endpoint().password());
    JsonNode printed = r.json();
    String txid = printed.path("txid").asText();
    assertThat(printed.path("status").asText()).isEqualTo("broadcast");
    assertThat(printed.path("from").asText()).isEqualTo(LitecoindNode.addressOf(script));
    assertThat(printed.path("to").asText()).isEqualTo(destination);
    assertThat(printed.path("amount_sat").asLong()).isEqualTo(amount);
    assertThat(litecoind.mempool()).as("accepted into the mempool").contains(txid);

    // The node holds it: two inputs (the two funding outputs), each with its own network signature
    // under the derived key in the witness, which litecoind verified (BIP143) before accepting it.
    JsonNode tx = litecoind.call("getrawtransaction", txid, true);
    assertThat(tx.path("vin")).hasSize(2);
    assertThat(List.of(tx.path("vin").get(0).path("txid").asText(), tx.path("vin").get(1).path("txid").asText()))
        .containsExactlyInAnyOrder(funding1, funding2);
    Set<String> signatures = new HashSet<>();
    for (JsonNode in : tx.path("vin")) {
      JsonNode witness = in.path("txinwitness");
      assertThat(witness).hasSize(2);
      assertThat(witness.get(0).asText()).as("DER signature + SIGHASH_ALL").startsWith("30").endsWith("01");
      assertThat(witness.get(1).asText()).isEqualTo(derivedKey(path).toCompressedHex());
      signatures.add(witness.get(0).asText());
    }
    assertThat(signatures).as("one signature per input").hasSize(2);

    litecoind.mine(1);
    assertThat(litecoind.call("gettxout", txid, 0, true).path("confirmations").asLong()).isEqualTo(1);
    JsonNode vout = tx.path("vout");
    assertThat(sat(vout.get(0).path("value"))).isEqualTo(amount);
    assertThat(vout.get(0).path("scriptPubKey").path("hex").asText())
        .isEqualTo(Hex.encode(SegwitAddress.decodeAnyHrp(destination).scriptPubKey()));
    assertThat(vout.get(1).path("scriptPubKey").path("hex").asText()).as("change back to the derived script")
        .isEqualTo(Hex.encode(script));
    long fee = sat("1.6") - amount - sat(vout.get(1).path("value"));
    assertThat(fee).isEqualTo(printed.path("fee_sat").asLong()).isGreaterThanOrEqualTo(5 * tx.path("vsize").asLong());
    assertThat(sat(litecoind.walletCall("getreceivedbyaddress", destination, 1))).isEqualTo(amount);
  }

  @Test
  void aPaymentToAScriptIsSentToThatScript() {
    String path = "bitcoin-to-script";
    fundedScript(path, "0.5");
    String destination = litecoind.newWalletAddress();
    String destinationScript = Hex.encode(SegwitAddress.decodeAnyHrp(destination).scriptPubKey());

    ChainsigLauncher.Result r = send(path, "--to-script", destinationScript, sat("0.2"));
    assertThat(r.code()).as(r.toString()).isZero();
    String txid = r.json().path("txid").asText();
    JsonNode tx = litecoind.call("getrawtransaction", txid, true);
    assertThat(tx.path("vout").get(0).path("scriptPubKey").path("hex").asText()).isEqualTo(destinationScript);
    litecoind.mine(1);
    assertThat(sat(litecoind.walletCall("getreceivedbyaddress", destination, 1))).isEqualTo(sat("0.2"));
  }

  @Test
  void insufficientFundsIsOneErrorLineAndNothingIsSent() {
    String path = "bitcoin-poor";
    fundedScript(path, "0.001");
    ChainsigLauncher.assertOneErrorLine(send(path, "--to", litecoind.newWalletAddress(), sat("0.01")), "error: insufficient funds: need ");
    ChainsigLauncher.assertOneErrorLine(send(path, "--to", litecoind.newWalletAddress(), sat("0.001")), "error: insufficient funds: need ");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  @Test
  void aBadDestinationIsOneErrorLineAndNothingIsSent() {
    String path = "bitcoin-bad-destination";
    fundedScript(path, "0.5");
    ChainsigLauncher.assertOneErrorLine(send(path, "--to", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", 10_000),
        "error: bad destination address 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080': it is for 'bcrt', not this network ('rltc')");
    ChainsigLauncher.assertOneErrorLine(send(path, "--to", "rltc1qnotanaddress", 10_000), "error: bad destination address 'rltc1qnotanaddress'");
    ChainsigLauncher.assertOneErrorLine(send(path, "--to-script", "76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", 10_000),
        "error: bad destination script");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  @Test
  void anUnreachableRpcIsOneErrorLineWithoutThePassword() {
    ChainsigLauncher.Result r = ChainsigLauncher.run("send", "bitcoin", "--devnet", SharedDevnet.file().toString(),
        "--path", "bitcoin-offline", "--btc-rpc", "http://user:secret-password@127.0.0.1:" + FreePort.next(),
        "--hrp", LitecoindNode.HRP, "--to", litecoind.newWalletAddress(), "--amount-sat", "10000", "--fee-rate", "5");
    ChainsigLauncher.assertOneErrorLine(r, "error: cannot reach the Bitcoin RPC at http://127.0.0.1:");
    assertThat(r.err()).doesNotContain("secret-password");
  }

  @Test
  void aContractThatRefusesIsOneErrorLineAndNothingIsSent() {
    // --contract names an account that has no signer contract: nothing is signed or sent.
    String path = "bitcoin-no-contract";
    fundedScript(path, "0.5");
    ChainsigLauncher.Result r = ChainsigLauncher.run(ChainsigLauncher.args(sendCommand(path, litecoind.newWalletAddress()),
        SharedDevnet.explicitOptions(null, "bob.test.near", null, null)));
    ChainsigLauncher.assertOneErrorLine(r, "error: cannot read the root key of the signer contract bob.test.near");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  @Test
  void aSignRequestTheChainRefusesIsOneErrorLineAndNothingIsSent() {
    // An account the chain does not know: its derived script holds coins, but its sign call is refused.
    String stranger = "stranger.test.near";
    String path = "bitcoin-refused";
    Secp256k1PublicKey key = KeyDerivation.deriveSecp256k1(rootKey(), NearAccountId.of(stranger), path);
    litecoind.fund(p2wpkhScript(key), new BigDecimal("0.5"));
    litecoind.mine(1);
    ChainsigLauncher.Result r = ChainsigLauncher.run(ChainsigLauncher.args(sendCommand(path, litecoind.newWalletAddress()),
        SharedDevnet.explicitOptions(null, null, stranger, SharedDevnet.keyFileOfUnknownAccount(stranger))));
    ChainsigLauncher.assertOneErrorLine(r, "error: the signer contract signer.test.near did not sign for stranger.test.near");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  private static List<String> sendCommand(String path, String destination) {
    return List.of("send", "bitcoin", "--path", path, "--btc-rpc", litecoind.urlWithCredentials(),
        "--hrp", LitecoindNode.HRP, "--to", destination, "--amount-sat", "10000", "--fee-rate", "5");
  }
}
