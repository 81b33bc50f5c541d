package io.chainsig.sdk.bitcoin;

import static io.chainsig.sdk.testing.LitecoindNode.sat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.sdk.InsufficientFundsException;
import io.chainsig.sdk.InvalidDestinationException;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.RpcErrorException;
import io.chainsig.sdk.RpcUnreachableException;
import io.chainsig.sdk.SignatureRefusedException;
import io.chainsig.sdk.TransactionRejectedException;
import io.chainsig.sdk.testing.CountingSigner;
import io.chainsig.sdk.testing.FreePort;
import io.chainsig.sdk.testing.LitecoindNode;
import io.chainsig.sdk.testing.LocalDerivedKeySigner;
import io.chainsig.sdk.testing.TestKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Bitcoin adapter against a real {@code litecoind -regtest} on 127.0.0.1 (same segwit format
 * and BIP143 sighash as Bitcoin; addresses with hrp {@code rltc}). The derived key's P2WPKH script
 * is funded from the node's wallet and spent by transactions signed through the port by a local
 * signer that signs like the network (x + eps); the node itself checks every signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BitcoinAdapterAcceptanceTest {
  private static final FeeRate FEE_RATE = new FeeRate(5);

  private LitecoindNode litecoind;
  private BitcoinNode node;

  @BeforeAll
  void startLitecoind() {
    litecoind = LitecoindNode.start();
    node = new BitcoinNode(new BitcoinRpcClient(BitcoinRpcEndpoint.parse(litecoind.urlWithCredentials()), Duration.ofSeconds(30)));
  }

  @AfterAll
  void stopLitecoind() {
    if (node != null) {
      node.close();
    }
    if (litecoind != null) {
      litecoind.close();
    }
  }

  private BitcoinAdapter adapterFor(String path, CountingSigner signer) {
    return new BitcoinAdapter(node, LitecoindNode.HRP, TestKeys.derivedKey(path), signer);
  }

  /** An adapter whose derived script holds one confirmed output of {@code coins}; the mempool is empty. */
  private BitcoinAdapter fundedAdapter(String path, CountingSigner signer, String coins) {
    BitcoinAdapter adapter = adapterFor(path, signer);
    litecoind.fund(adapter.scriptPubKey(), new BigDecimal(coins));
    litecoind.mine(1);
    assertThat(litecoind.mempool()).isEmpty();
    return adapter;
  }

  /** A transfer to a fresh address of the node's wallet. */
  private BitcoinTransfer toWallet(long amountSat) {
    return BitcoinTransfer.to(litecoind.newWalletAddress(), LitecoindNode.HRP, amountSat, FEE_RATE);
  }

  @Test
  void twoFundedOutputsAreSpentInOneTransactionTheNodeAcceptsAndMines() {
    String path = "bitcoin-1";
    CountingSigner signer = new CountingSigner(TestKeys.signer(path));
    BitcoinAdapter adapter = adapterFor(path, signer);
    byte[] script = adapter.scriptPubKey();
    assertThat(adapter.address().encode()).isEqualTo(LitecoindNode.addressOf(script)).startsWith("rltc1q");

    String funding1 = litecoind.fund(script, new BigDecimal("1.0"));
    String funding2 = litecoind.fund(script, new BigDecimal("0.6"));
    litecoind.mine(1);
    List<Utxo> utxos = adapter.unspentOutputs();
    assertThat(utxos).extracting(Utxo::txid).containsExactlyInAnyOrder(funding1, funding2);
    assertThat(adapter.balanceSat()).isEqualTo(sat("1.6"));

    String destination = litecoind.newWalletAddress();
    long amount = sat("1.3");
    UnsignedP2wpkhSpend spend = adapter.prepare(BitcoinTransfer.to(destination, LitecoindNode.HRP, amount, FEE_RATE));
    assertThat(spend.selection().inputs()).hasSize(2);
    SignedBitcoinTransaction signed = adapter.sign(spend);
    assertThat(signer.calls()).isEqualTo(2);

    JsonNode verdict = litecoind.call("testmempoolaccept", List.of(signed.toHex())).get(0);
    assertThat(verdict.get("allowed").asBoolean()).as("testmempoolaccept: %s", verdict).isTrue();
    assertThat(verdict.get("txid").asText()).isEqualTo(signed.txid());

    JsonNode decoded = litecoind.call("decoderawtransaction", signed.toHex());
    assertThat(decoded.get("vin")).hasSize(2);
    for (JsonNode in : decoded.get("vin")) {
      JsonNode witness = in.get("txinwitness");
      assertThat(witness).hasSize(2);
      assertThat(witness.get(0).asText()).endsWith("01"); // SIGHASH_ALL
      assertThat(witness.get(1).asText()).isEqualTo(TestKeys.derivedKey(path).toCompressedHex());
    }
    long fee = sat("1.6") - amount - sat(decoded.get("vout").get(1).get("value"));
    assertThat(fee).isEqualTo(signed.feeSat());
    assertThat(fee).as("fee pays at least the rate").isGreaterThanOrEqualTo(FEE_RATE.feeFor(decoded.get("vsize").asLong()));

    String txid = adapter.broadcast(signed);
    assertThat(txid).isEqualTo(signed.txid());
    assertThat(litecoind.mempool()).contains(txid);
    litecoind.mine(1);
    assertThat(adapter.awaitConfirmations(txid, 0, 1, Duration.ofSeconds(10))).isEqualTo(1);

    JsonNode vout = decoded.get("vout");
    assertThat(sat(vout.get(0).get("value"))).isEqualTo(amount);
    assertThat(vout.get(0).get("scriptPubKey").get("hex").asText())
        .isEqualTo(Hex.encode(SegwitAddress.decodeAnyHrp(destination).scriptPubKey()));
    assertThat(vout.get(1).get("scriptPubKey").get("hex").asText()).as("change back to the derived script")
        .isEqualTo(Hex.encode(script));
    assertThat(sat(litecoind.walletCall("getreceivedbyaddress", destination, 1))).isEqualTo(amount);
    List<Utxo> after = adapter.unspentOutputs();
    assertThat(after).singleElement().satisfies(u -> {
      assertThat(u.txid()).isEqualTo(txid);
      assertThat(u.vout()).isEqualTo(1);
      assertThat(u.valueSat()).isEqualTo(sat("1.6") - amount - fee);
    });
  }

  @Test
  void insufficientFundsIsReportedBeforeAnySignatureAndNothingIsSent() {
    String path = "bitcoin-poor";
    CountingSigner signer = new CountingSigner(TestKeys.signer(path));
    BitcoinAdapter adapter = fundedAdapter(path, signer, "0.001");

    assertThatThrownBy(() -> adapter.send(toWallet(sat("0.01"))))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessageContaining("insufficient funds");
    assertThatThrownBy(() -> adapter.send(toWallet(sat("0.001"))))
        .as("the whole balance leaves nothing for the fee")
        .isInstanceOf(InsufficientFundsException.class);
    assertThat(signer.calls()).isZero();
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
    assertThat(adapter.balanceSat()).isEqualTo(sat("0.001"));
  }

  @Test
  void aBadDestinationIsRejectedBeforeAnythingHappens() {
    assertThatThrownBy(() -> BitcoinTransfer.to("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", LitecoindNode.HRP, 1000, FEE_RATE))
        .isInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("not this network ('rltc')");
    assertThatThrownBy(() -> BitcoinTransfer.to("rltc1qnotanaddress", LitecoindNode.HRP, 1000, FEE_RATE))
        .isInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("bad destination address 'rltc1qnotanaddress'");
    assertThatThrownBy(() -> BitcoinTransfer.to("0x00000000000000000000000000000000000c0de1", LitecoindNode.HRP, 1000, FEE_RATE))
        .isInstanceOf(InvalidDestinationException.class);
  }

  @Test
  void aRefusedSignatureSendsNothing() {
    String path = "bitcoin-refused";
    CountingSigner signer = new CountingSigner(payload -> {
      throw new SignatureRefusedException("the network refused the payload");
    });
    BitcoinAdapter adapter = fundedAdapter(path, signer, "0.5");
    assertThatThrownBy(() -> adapter.send(toWallet(sat("0.1"))))
        .isInstanceOf(SignatureRefusedException.class)
        .hasMessageContaining("refused");
    assertThat(signer.calls()).isEqualTo(1);
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
    assertThat(adapter.balanceSat()).isEqualTo(sat("0.5"));
  }

  @Test
  void aSignatureUnderAnotherKeyIsNeverAttachedOrSent() {
    String path = "bitcoin-wrong-key";
    LocalDerivedKeySigner impostor = new LocalDerivedKeySigner(TestKeys.ROOT_SECRET.add(Secp256k1Scalar.ONE), TestKeys.ACCOUNT, path);
    BitcoinAdapter adapter = fundedAdapter(path, new CountingSigner(impostor), "0.5");
    assertThatThrownBy(() -> adapter.send(toWallet(sat("0.1"))))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("does not verify under the derived key");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  @Test
  void aTransactionTheNodeWouldRefuseIsNotBroadcast() {
    String path = "bitcoin-dust";
    BitcoinAdapter adapter = fundedAdapter(path, new CountingSigner(TestKeys.signer(path)), "0.5");
    assertThatThrownBy(() -> adapter.send(toWallet(100)))
        .isInstanceOf(TransactionRejectedException.class)
        .hasMessageContaining("dust");
    assertThat(litecoind.mempool()).as("nothing sent").isEmpty();
  }

  @Test
  void anUnreachableRpcIsReportedAndNothingIsSigned() {
    CountingSigner signer = new CountingSigner(TestKeys.signer("bitcoin-offline"));
    try (BitcoinNode offline = new BitcoinNode(new BitcoinRpcClient(
        BitcoinRpcEndpoint.parse("http://user:secret-password@127.0.0.1:" + FreePort.next()), Duration.ofSeconds(5)))) {
      BitcoinAdapter adapter = new BitcoinAdapter(offline, LitecoindNode.HRP, TestKeys.derivedKey("bitcoin-offline"), signer);
      assertThatThrownBy(() -> adapter.send(toWallet(10_000)))
          .isInstanceOf(RpcUnreachableException.class)
          .hasMessageContaining("cannot reach the Bitcoin RPC at http://127.0.0.1:")
          .hasMessageNotContaining("secret-password");
    }
    assertThat(signer.calls()).isZero();
  }

  @Test
  void wrongCredentialsAreReportedWithoutThePassword() {
    String url = litecoind.urlWithCredentials().replaceFirst(":[0-9a-f]{32}@", ":wrong-password@");
    try (BitcoinNode wrong = new BitcoinNode(new BitcoinRpcClient(BitcoinRpcEndpoint.parse(url), Duration.ofSeconds(5)))) {
      assertThatThrownBy(() -> wrong.unspentOutputs(new byte[22]))
          .isInstanceOf(RpcErrorException.class)
          .hasMessageContaining("refused the credentials")
          .hasMessageNotContaining("wrong-password");
    }
  }
}
