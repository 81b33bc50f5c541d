package io.chainsig.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.wallet.tx.evm.Erc20Call;
import io.chainsig.wallet.tx.evm.EvmNetworks;
import io.chainsig.wallet.tx.evm.EvmPayment;
import io.chainsig.wallet.tx.evm.EvmTransaction;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.Keys;

class EvmParsingTest {
  static Stream<JsonNode> transactions() {
    return TransactionVectors.section("evmTransactions").stream();
  }

  @ParameterizedTest
  @MethodSource("transactions")
  void realTransactionsParseAndNameTheirNetwork(JsonNode vector) {
    EvmPayment payment = new EvmPayment(EvmTransaction.parse(Hex.decode(vector.get("hex").asText())));
    EvmTransaction tx = payment.transaction();
    assertThat(tx.type()).isEqualTo(vector.get("type").asInt());
    assertThat(tx.chainId()).hasValue(vector.get("chainId").asLong());
    assertThat(payment.networkName()).isEqualTo(vector.get("network").asText());
    assertThat(tx.to().orElseThrow().toChecksumString()).isEqualToIgnoringCase(vector.get("to").asText());
    assertThat(tx.valueWei()).isEqualTo(new BigInteger(vector.get("valueWei").asText()));
    assertThat(payment.headline()).isEqualToIgnoringCase(vector.get("headline").asText());
    if (vector.has("txHash")) {
      assertThat(Hex.encode(Hashes.keccak256(Hex.decode(vector.get("hex").asText())))).isEqualTo(vector.get("txHash").asText());
    }
    if (vector.has("signingHash")) {
      assertThat(Hex.encode(payment.signingHash())).isEqualTo(vector.get("signingHash").asText());
    }
  }

  /** web3j, an independent implementation, must agree on fields and on the hash that was signed. */
  @ParameterizedTest
  @MethodSource("transactions")
  void web3jAgreesOnFieldsAndSigningHash(JsonNode vector) throws Exception {
    String hex = vector.get("hex").asText();
    EvmPayment payment = new EvmPayment(EvmTransaction.parse(Hex.decode(hex)));
    SignedRawTransaction theirs = (SignedRawTransaction) TransactionDecoder.decode("0x" + hex);
    assertThat(theirs.getTo()).isEqualToIgnoringCase(payment.transaction().to().orElseThrow().toChecksumString());
    assertThat(theirs.getValue()).isEqualTo(payment.transaction().valueWei());
    assertThat(theirs.getNonce()).isEqualTo(payment.transaction().nonce());
    Sign.SignatureData signature = theirs.getSignatureData();
    long v = new BigInteger(1, signature.getV()).longValueExact();
    int recId = (int) (v >= 35 ? (v - 35) % 2 : v >= 27 ? v - 27 : v);
    Sign.SignatureData normalized = new Sign.SignatureData((byte) (27 + recId), signature.getR(), signature.getS());
    BigInteger recovered = Sign.signedMessageHashToKey(payment.signingHash(), normalized);
    assertThat("0x" + Keys.getAddress(recovered)).isEqualToIgnoringCase(theirs.getFrom());
  }

  @Test
  void unsignedEip155FormGivesTheSameSigningHashAsTheSignedOne() {
    String signed = TransactionVectors.named("evmTransactions", "EIP-155 example").get("hex").asText();
    String unsigned = "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
    assertThat(Hex.encode(new EvmPayment(EvmTransaction.parse(Hex.decode(unsigned))).signingHash()))
        .isEqualTo(Hex.encode(new EvmPayment(EvmTransaction.parse(Hex.decode(signed))).signingHash()));
  }

  @Test
  void legacyTransactionWithoutChainIdIsShownButNotSigned() {
    String preEip155 = "e9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080";
    EvmPayment payment = new EvmPayment(EvmTransaction.parse(Hex.decode(preEip155)));
    assertThat(payment.networkName()).contains("no chain id");
    assertThatThrownBy(payment::signingHash).isInstanceOf(NotSignableException.class).hasMessageContaining("every EVM chain");
  }

  @ParameterizedTest
  @CsvSource({"1,Ethereum", "56,Binance Smart Chain", "137,Polygon", "42161,Arbitrum One", "10,Optimism", "8453,Base",
      "43114,Avalanche C-Chain", "11155111,Sepolia testnet", "97,Binance Smart Chain testnet", "999999,unknown EVM chain 999999"})
  void chainIdTableNamesNetworks(long chainId, String name) {
    assertThat(EvmNetworks.standard().byChainId(chainId).name()).isEqualTo(name);
  }

  @Test
  void erc20ApproveOfUnlimitedAmountIsCalledOut() {
    String data = "095ea7b3" + "000000000000000000000000" + "1111111111111111111111111111111111111111" + "f".repeat(64);
    EvmTransaction tx = EvmTransaction.parse(Hex.decode(typedUnsigned(data)));
    assertThat(tx.erc20Call()).get().isInstanceOf(Erc20Call.Approve.class);
    assertThat(new EvmPayment(tx).headline()).contains("UNLIMITED").startsWith("Approve 0x1111");
  }

  @Test
  void dataThatOnlyLooksLikeErc20IsACall() {
    String data = "a9059cbb" + "ff".repeat(12) + "11".repeat(20) + "00".repeat(32);
    EvmTransaction tx = EvmTransaction.parse(Hex.decode(typedUnsigned(data)));
    assertThat(tx.erc20Call()).isEmpty();
    assertThat(new EvmPayment(tx).headline()).startsWith("Call contract");
  }

  @Test
  void nonCanonicalRlpIsRefused() {
    String hex = TransactionVectors.named("evmTransactions", "EIP-155 example").get("hex").asText();
    assertThatThrownBy(() -> EvmTransaction.parse(Hex.decode(hex + "00"))).isInstanceOf(MalformedTransactionException.class);
    assertThatThrownBy(() -> EvmTransaction.parse(Hex.decode("c3820001"))).isInstanceOf(MalformedTransactionException.class);
    assertThatThrownBy(() -> EvmTransaction.parse(Hex.decode("03c0"))).hasMessageContaining("unsupported");
    byte[] raw = Hex.decode(hex);
    assertThatThrownBy(() -> EvmTransaction.parse(Arrays.copyOf(raw, raw.length - 1))).isInstanceOf(MalformedTransactionException.class);
  }

  /** A type-2 unsigned transaction on chain 1 to a token contract carrying {@code dataHex}. */
  private static String typedUnsigned(String dataHex) {
    byte[] data = Hex.decode(dataHex);
    String body = "01" + "01" + "01" + "01" + "825208" + "94" + "dac17f958d2ee523a2206206994597c13d831ec7" + "80"
        + "b8" + String.format("%02x", data.length) + dataHex + "c0";
    int len = body.length() / 2;
    return "02" + (len <= 55 ? String.format("%02x", 0xc0 + len) : "f8" + String.format("%02x", len)) + body;
  }
}
