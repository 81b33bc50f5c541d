package io.chainsig.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.derivation.address.SegwitAddress;
import io.chainsig.wallet.consent.SpecPayloads;
import io.chainsig.wallet.signer.LocalSecp256k1Signer;
import io.chainsig.wallet.tx.bitcoin.TestPsbts;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With the signing key known, prompts name its address, leave change out of "Send", and flag foreign inputs. */
class SigningKeyDescriptionTest {
  private static final Secp256k1PublicKey KEY = new LocalSecp256k1Signer(
      Secp256k1Scalar.of(BigInteger.valueOf(987654321)), new NearAccountId("david.near"))
      .publicKeyOf("{\"chain\":0}").orElseThrow();

  private static byte[] keyHash(Secp256k1PublicKey key) {
    return Hashes.hash160(key.point().toCompressed());
  }

  private static byte[] otherHash(String seed) {
    return Arrays.copyOf(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)), 20);
  }

  @Test
  void changeBackToTheSigningKeyIsNotCountedAsSent() {
    String psbt = TestPsbts.payment(keyHash(KEY), 150_000_000L, otherHash("to"), 100_000_000L, 49_990_000L);
    SignablePayload payload = PayloadDecoder.decode(PayloadFormat.BITCOIN_PSBT, psbt, 0, BitcoinNetwork.MAINNET, Optional.of(KEY));
    String own = SegwitAddress.p2wpkh(BitcoinNetwork.MAINNET, KEY).encode();
    assertThat(payload.description()).startsWith("Send 1 BTC")
        .contains("0.4999 BTC to " + own + " (change back to this key)", "Network fee: 0.0001 BTC", "Signing key address: " + own)
        .noneMatch(line -> line.startsWith("Note:"));
  }

  @Test
  void anInputTheKeyDoesNotControlIsPointedOut() {
    String psbt = TestPsbts.payment(otherHash("from"), 150_000_000L, otherHash("to"), 100_000_000L);
    SignablePayload payload = PayloadDecoder.decode(PayloadFormat.BITCOIN_PSBT, psbt, 0, BitcoinNetwork.MAINNET, Optional.of(KEY));
    assertThat(payload.description()).contains("Note: input 0 is not locked to this key's P2WPKH address");
  }

  @Test
  void evmPromptsNameTheSendingAddress() {
    SignablePayload payload = PayloadDecoder.decode(PayloadFormat.EVM_TX, SpecPayloads.SEND_100_BNB_HEX, 0,
        BitcoinNetwork.MAINNET, Optional.of(KEY));
    assertThat(payload.description()).contains("From: " + EvmAddress.of(KEY).toChecksumString() + " (this key)");
    assertThat(payload.headline()).isEqualTo("Send 100 BNB");
  }
}
