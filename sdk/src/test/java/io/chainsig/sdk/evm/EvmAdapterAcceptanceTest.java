package io.chainsig.sdk.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.InsufficientFundsException;
import io.chainsig.sdk.InvalidDestinationException;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.RpcUnreachableException;
import io.chainsig.sdk.SignatureRefusedException;
import io.chainsig.sdk.testing.AnvilNode;
import io.chainsig.sdk.testing.CountingSigner;
import io.chainsig.sdk.testing.FreePort;
import io.chainsig.sdk.testing.LocalDerivedKeySigner;
import io.chainsig.sdk.testing.TestKeys;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The EVM adapter against a real anvil node on 127.0.0.1: the derived address is funded from an
 * anvil dev account and sends EIP-1559 and legacy transfers signed through the port by a local
 * signer that signs like the network (x + eps). anvil itself (an independent implementation)
 * recovers the sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvmAdapterAcceptanceTest {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(20);

  private AnvilNode anvil;
  private EvmRpc rpc;

  @BeforeAll
  void startAnvil() {
    anvil = AnvilNode.start();
    rpc = new EvmRpc(anvil.url());
  }

  @AfterAll
  void stopAnvil() {
    if (rpc != null) {
      rpc.close();
    }
    if (anvil != null) {
      anvil.close();
    }
  }

  private EvmAdapter adapterFor(String path, CountingSigner signer) {
    return new EvmAdapter(rpc, TestKeys.derivedKey(path), signer, RECEIPT_TIMEOUT);
  }

  private static CountingSigner networkLikeSigner(String path) {
    return new CountingSigner(TestKeys.signer(path));
  }

  @Test
  void eip1559AndLegacyTransfersFromTheDerivedAddressAreMinedWithTheDerivedSender() {
    String path = "ethereum-1";
    CountingSigner signer = networkLikeSigner(path);
    EvmAdapter adapter = adapterFor(path, signer);
    EvmAddress derived = EvmAddress.of(TestKeys.derivedKey(path));
    assertThat(adapter.address()).isEqualTo(derived);
    EvmAddress recipient = EvmAddress.parse("0x00000000000000000000000000000000000c0de1");

    anvil.fund(derived, ETHER);
    assertThat(anvil.balance(derived)).isEqualTo(ETHER);

    BigInteger value1559 = ETHER.divide(BigInteger.TEN);
    EvmReceipt r1559 = adapter.send(new EvmTransfer(recipient, value1559, EvmTransactionType.EIP1559));
    assertMinedFrom(r1559, derived, "0x2", adapter.address());

    BigInteger valueLegacy = ETHER.divide(BigInteger.valueOf(20));
    EvmReceipt rLegacy = adapter.send(EvmTransfer.to(recipient.toChecksumString(), valueLegacy, EvmTransactionType.LEGACY));
    assertMinedFrom(rLegacy, derived, "0x0", adapter.address());
    JsonNode legacyTx = anvil.call("eth_getTransactionByHash", rLegacy.transactionHash());
    long v = Long.decode(legacyTx.get("v").asText());
    assertThat(v).as("EIP-155 v").isIn(35 + 2 * AnvilNode.CHAIN_ID, 36 + 2 * AnvilNode.CHAIN_ID);

    assertThat(signer.calls()).isEqualTo(2);
    assertThat(anvil.balance(recipient)).isEqualTo(value1559.add(valueLegacy));
    BigInteger fees = feePaid(r1559).add(feePaid(rLegacy));
    assertThat(anvil.balance(derived)).isEqualTo(ETHER.subtract(value1559).subtract(valueLegacy).subtract(fees));
  }

  private void assertMinedFrom(EvmReceipt receipt, EvmAddress derived, String type, EvmAddress adapterAddress) {
    assertThat(receipt.success()).isTrue();
    JsonNode tx = anvil.call("eth_getTransactionByHash", receipt.transactionHash());
    assertThat(tx.get("type").asText()).isEqualTo(type);
    assertThat(EvmAddress.parse(tx.get("from").asText())).as("sender recovered by anvil").isEqualTo(derived);
    assertThat(EvmAddress.parse(receipt.from())).isEqualTo(adapterAddress);
    JsonNode onChainReceipt = anvil.call("eth_getTransactionReceipt", receipt.transactionHash());
    assertThat(onChainReceipt.get("status").asText()).isEqualTo("0x1");
    BigInteger s = new BigInteger(tx.get("s").asText().substring(2), 16);
    assertThat(s.shiftLeft(1)).as("low s").isLessThanOrEqualTo(io.chainsig.crypto.Secp256k1.N);
  }

  private BigInteger feePaid(EvmReceipt receipt) {
    JsonNode r = anvil.call("eth_getTransactionReceipt", receipt.transactionHash());
    return new BigInteger(r.get("gasUsed").asText().substring(2), 16)
        .multiply(new BigInteger(r.get("effectiveGasPrice").asText().substring(2), 16));
  }

  @Test
  void theSigningHashSignatureVerifiesWithBitcoinjUnderTheDerivedKey() {
    String path = "ethereum-verify";
    EvmAdapter adapter = adapterFor(path, networkLikeSigner(path));
    anvil.fund(adapter.address(), ETHER);
    UnsignedEvmTransaction unsigned = adapter.prepare(
        new EvmTransfer(EvmAddress.parse("0x00000000000000000000000000000000000c0de2"), BigInteger.ONE, EvmTransactionType.EIP1559));
    SignedEvmTransaction signed = adapter.sign(unsigned);
    String hash = adapter.broadcast(signed);
    adapter.awaitReceipt(hash, RECEIPT_TIMEOUT);
    JsonNode tx = anvil.call("eth_getTransactionByHash", hash);
    BigInteger r = new BigInteger(tx.get("r").asText().substring(2), 16);
    BigInteger s = new BigInteger(tx.get("s").asText().substring(2), 16);
    Secp256k1PublicKey key = TestKeys.derivedKey(path);
    assertThat(ECKey.verify(unsigned.signingHash(), new ECKey.ECDSASignature(r, s), key.point().toCompressed())).isTrue();
  }

  @Test
  void insufficientFundsIsReportedBeforeAnySignatureAndNothingIsSent() {
    String path = "ethereum-empty";
    CountingSigner signer = networkLikeSigner(path);
    EvmAdapter adapter = adapterFor(path, signer);
    anvil.fund(adapter.address(), BigInteger.valueOf(1000));

    assertThatThrownBy(() -> adapter.send(new EvmTransfer(
        EvmAddress.parse("0x00000000000000000000000000000000000c0de3"), BigInteger.valueOf(999), EvmTransactionType.EIP1559)))
        .isInstanceOf(InsufficientFundsException.class)
        .hasMessageContaining("insufficient funds");
    assertThatThrownBy(() -> adapter.send(new EvmTransfer(
        EvmAddress.parse("0x00000000000000000000000000000000000c0de3"), ETHER, EvmTransactionType.LEGACY)))
        .isInstanceOf(InsufficientFundsException.class);
    assertThat(signer.calls()).isZero();
    assertNothingSentFrom(adapter.address());
  }

  @Test
  void aBadDestinationIsRejectedBeforeAnythingHappens() {
    assertThatThrownBy(() -> EvmTransfer.to("0x1234", BigInteger.ONE, EvmTransactionType.EIP1559))
        .isInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("bad destination address '0x1234'");
    assertThatThrownBy(() -> EvmTransfer.to("0x00000000000000000000000000000000000C0de3", BigInteger.ONE, EvmTransactionType.LEGACY))
        .isInstanceOf(InvalidDestinationException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> EvmTransfer.to("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", BigInteger.ONE, EvmTransactionType.LEGACY))
        .isInstanceOf(InvalidDestinationException.class);
  }

  @Test
  void aRefusedSignatureSendsNothing() {
    String path = "ethereum-refused";
    CountingSigner signer = new CountingSigner(payload -> {
      throw new SignatureRefusedException("the network refused the payload");
    });
    EvmAdapter adapter = adapterFor(path, signer);
    anvil.fund(adapter.address(), ETHER);
    assertThatThrownBy(() -> adapter.send(new EvmTransfer(
        EvmAddress.parse("0x00000000000000000000000000000000000c0de4"), BigInteger.ONE, EvmTransactionType.EIP1559)))
        .isInstanceOf(SignatureRefusedException.class)
        .hasMessageContaining("refused");
    assertThat(signer.calls()).isEqualTo(1);
    assertNothingSentFrom(adapter.address());
  }

  @Test
  void aSignatureUnderAnotherKeyIsNeverAttachedOrSent() {
    String path = "ethereum-wrong-key";
    LocalDerivedKeySigner impostor = new LocalDerivedKeySigner(
        TestKeys.ROOT_SECRET.add(Secp256k1Scalar.ONE), TestKeys.ACCOUNT, path);
    EvmAdapter adapter = adapterFor(path, new CountingSigner(impostor));
    anvil.fund(adapter.address(), ETHER);
    assertThatThrownBy(() -> adapter.send(new EvmTransfer(
        EvmAddress.parse("0x00000000000000000000000000000000000c0de5"), BigInteger.ONE, EvmTransactionType.LEGACY)))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("does not verify under the derived key");
    assertNothingSentFrom(adapter.address());
  }

  @Test
  void anUnreachableRpcIsReportedAndNothingIsSigned() {
    CountingSigner signer = networkLikeSigner("ethereum-offline");
    try (EvmRpc offline = new EvmRpc(URI.create("http://127.0.0.1:" + FreePort.next()))) {
      EvmAdapter adapter = new EvmAdapter(offline, TestKeys.derivedKey("ethereum-offline"), signer, RECEIPT_TIMEOUT);
      assertThatThrownBy(() -> adapter.send(new EvmTransfer(
          EvmAddress.parse("0x00000000000000000000000000000000000c0de6"), BigInteger.ONE, EvmTransactionType.EIP1559)))
          .isInstanceOf(RpcUnreachableException.class)
          .hasMessageContaining("cannot reach the EVM RPC at http://127.0.0.1:");
    }
    assertThat(signer.calls()).isZero();
  }

  private void assertNothingSentFrom(EvmAddress address) {
    assertThat(anvil.call("eth_getTransactionCount", address.toChecksumString(), "pending").asText())
        .as("nonce of %s (nothing sent)", address).isEqualTo("0x0");
  }
}
