package io.chainsig.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Base58Check;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.wallet.tx.bitcoin.Bip143Sighash;
import io.chainsig.wallet.tx.bitcoin.BitcoinAmount;
import io.chainsig.wallet.tx.bitcoin.BitcoinPayment;
import io.chainsig.wallet.tx.bitcoin.BitcoinScripts;
import io.chainsig.wallet.tx.bitcoin.BitcoinTransaction;
import io.chainsig.wallet.tx.bitcoin.Psbt;
import io.chainsig.wallet.tx.bitcoin.TxOutput;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BitcoinParsingTest {
  static Stream<JsonNode> transactions() {
    return TransactionVectors.section("bitcoinTransactions").stream();
  }

  static Stream<JsonNode> sighashes() {
    return TransactionVectors.section("bip143Sighashes").stream();
  }

  static Stream<JsonNode> psbts() {
    return TransactionVectors.section("psbts").stream();
  }

  @ParameterizedTest
  @MethodSource("transactions")
  void realTransactionsParseWithOutputsAndAddresses(JsonNode vector) {
    BitcoinTransaction tx = BitcoinTransaction.parse(Hex.decode(vector.get("hex").asText()));
    assertThat(tx.outputs()).extracting(TxOutput::valueSats)
        .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(vector.get("outputs").spliterator(), false)
            .map(JsonNode::asLong).toList());
    if (vector.has("txid")) {
      assertThat(tx.txid()).isEqualTo(vector.get("txid").asText());
    }
    if (vector.has("destinations")) {
      for (int i = 0; i < tx.outputs().size(); i++) {
        assertThat(BitcoinScripts.destination(tx.outputs().get(i).scriptPubKey(), BitcoinNetwork.MAINNET))
            .isEqualTo(vector.get("destinations").get(i).asText());
      }
    }
  }

  @Test
  void segwitTransactionOutputsAreP2pkhAddressesOfTheirHashes() {
    BitcoinTransaction tx = BitcoinTransaction.parse(Hex.decode(TransactionVectors.named("bitcoinTransactions", "BIP-143").get("hex").asText()));
    assertThat(tx.inputs().get(1).witness()).hasSize(2);
    for (TxOutput output : tx.outputs()) {
      String address = BitcoinScripts.destination(output.scriptPubKey(), BitcoinNetwork.MAINNET);
      assertThat(address).startsWith("1");
      byte[] payload = Base58Check.decode(address);
      assertThat(Arrays.copyOfRange(payload, 1, 21)).isEqualTo(Arrays.copyOfRange(output.scriptPubKey(), 3, 23));
    }
    BitcoinPayment payment = BitcoinPayment.ofRawTransaction(tx, 0, BitcoinNetwork.MAINNET);
    assertThat(payment.headline()).isEqualTo("Send 3.3579 BTC");
    assertThat(payment.description()).contains("Network fee: unknown (the values of the inputs were not given)");
    assertThatThrownBy(payment::signingHash).isInstanceOf(NotSignableException.class).hasMessageContaining("PSBT");
  }

  @ParameterizedTest
  @MethodSource("sighashes")
  void bip143SignatureHashesMatchTheBip(JsonNode vector) {
    BitcoinTransaction tx = BitcoinTransaction.parse(Hex.decode(vector.get("unsignedTx").asText()));
    byte[] code = Bip143Sighash.p2wpkhScriptCode(Hex.decode(vector.get("scriptPubKey").asText()));
    assertThat(Hex.encode(Bip143Sighash.sighashAll(tx, vector.get("input").asInt(), code, vector.get("amount").asLong())))
        .isEqualTo(vector.get("sighash").asText());
  }

  @ParameterizedTest
  @MethodSource("psbts")
  void bip174VectorsParse(JsonNode vector) {
    Psbt psbt = Psbt.parseText(vector.get("base64").asText());
    assertThat(psbt.inputs()).hasSameSizeAs(psbt.unsignedTx().inputs());
  }

  @Test
  void psbtWithAllInputValuesShowsTheFeeAndSignsItsSegwitInput() {
    Psbt psbt = Psbt.parseText(TransactionVectors.named("psbts", "P2SH-P2WPKH input").get("base64").asText());
    BitcoinPayment payment = BitcoinPayment.ofPsbt(psbt, 1, BitcoinNetwork.MAINNET);
    long in = psbt.spentOutput(0).orElseThrow().valueSats() + psbt.spentOutput(1).orElseThrow().valueSats();
    assertThat(payment.feeSats()).hasValue(in - psbt.unsignedTx().totalOutputSats());
    assertThat(payment.description()).contains("Network fee: " + BitcoinAmount.format(in - psbt.unsignedTx().totalOutputSats()));
    assertThat(payment.signingHash()).hasSize(32);
    assertThatThrownBy(() -> BitcoinPayment.ofPsbt(psbt, 0, BitcoinNetwork.MAINNET).signingHash())
        .isInstanceOf(NotSignableException.class).hasMessageContaining("segwit v0 key-hash");
  }

  @Test
  void psbtWhosePreviousTransactionDoesNotMatchTheInputIsRefused() {
    byte[] good = Base64.getDecoder().decode(TransactionVectors.named("psbts", "P2SH-P2WPKH input").get("base64").asText());
    // Flip a byte inside the first input's non-witness UTXO (which starts after the global map).
    byte[] bad = good.clone();
    int at = Hex.encode(good).indexOf("0100df02") / 2 + 40;
    bad[at] ^= 1;
    assertThatThrownBy(() -> Psbt.parse(bad)).isInstanceOf(MalformedTransactionException.class);
  }

  @Test
  void malformedBytesAreRefusedNotMisread() {
    String hex = TransactionVectors.named("bitcoinTransactions", "block 170").get("hex").asText();
    assertThatThrownBy(() -> BitcoinTransaction.parse(Hex.decode(hex.substring(0, hex.length() - 2))))
        .isInstanceOf(MalformedTransactionException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> BitcoinTransaction.parse(Hex.decode(hex + "00")))
        .isInstanceOf(MalformedTransactionException.class).hasMessageContaining("after the end");
    assertThatThrownBy(() -> Psbt.parse(Hex.decode(hex))).hasMessageContaining("not a PSBT");
    assertThatThrownBy(() -> BitcoinTransaction.parse(Hex.decode("01000000fd0100")))
        .isInstanceOf(MalformedTransactionException.class);
  }

  @Test
  void amountsAreWrittenInBtc() {
    assertThat(BitcoinAmount.format(10_000_000_000L)).isEqualTo("100 BTC");
    assertThat(BitcoinAmount.format(1)).isEqualTo("0.00000001 BTC");
    assertThat(BitcoinAmount.format(0)).isEqualTo("0 BTC");
  }

  @Test
  void segwitAndTaprootScriptsBecomeBech32Addresses() {
    assertThat(BitcoinScripts.destination(Hex.decode("0014751e76e8199196d454941c45d1b3a323f1433bd6"), BitcoinNetwork.MAINNET))
        .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(BitcoinScripts.destination(
            Hex.decode("5120a60869f0dbcf1dc659c9cecbaf8050135ea9e8cdc487053f1dc6880949dc684c"), BitcoinNetwork.MAINNET))
        .isEqualTo("bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr");
  }
}
