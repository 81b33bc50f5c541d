package io.chainsig.wallet.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.BitcoinNetwork;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes: whatever a dapp sends, the decoders either parse it or refuse it with a {@link
 * MalformedTransactionException} or {@link NotSignableException}, never another exception (an index
 * out of bounds, a huge allocation) and never a silent misreading of a damaged real transaction.
 */
class TransactionParsingProperties {
  private static final List<Sample> SAMPLES = samples();

  private record Sample(PayloadFormat format, byte[] bytes) {}

  private static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    for (JsonNode v : TransactionVectors.section("bitcoinTransactions")) {
      out.add(new Sample(PayloadFormat.BITCOIN_TX, Hex.decode(v.get("hex").asText())));
    }
    for (JsonNode v : TransactionVectors.section("psbts")) {
      out.add(new Sample(PayloadFormat.BITCOIN_PSBT, Base64.getDecoder().decode(v.get("base64").asText())));
    }
    for (JsonNode v : TransactionVectors.section("evmTransactions")) {
      out.add(new Sample(PayloadFormat.EVM_TX, Hex.decode(v.get("hex").asText())));
    }
    return out;
  }

  private static void decodeOrRefuse(PayloadFormat format, byte[] bytes) {
    try {
      SignablePayload payload = PayloadDecoder.decode(format, Hex.encode(bytes), 0, BitcoinNetwork.MAINNET);
      assertThat(payload.description()).isNotEmpty();
      try {
        assertThat(payload.signingHash()).hasSize(32);
      } catch (NotSignableException expected) {
        // refusing to sign is a valid answer
      }
    } catch (MalformedTransactionException | NotSignableException expected) {
      // refusing to parse is a valid answer
    }
  }

  @Test
  void damagedRealTransactionsAreParsedOrRefusedNeverMisbehave() {
    qt().withExamples(1500)
        .forAll(integers().between(0, SAMPLES.size() - 1), longs().all())
        .checkAssert((index, seed) -> {
          Sample sample = SAMPLES.get(index);
          Random random = new Random(seed);
          byte[] bytes = sample.bytes().clone();
          switch (random.nextInt(3)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
              int at = random.nextInt(bytes.length);
              bytes[at] = (byte) (random.nextBoolean() ? 0xff : 0xfd);
            }
          }
          decodeOrRefuse(sample.format(), bytes);
        });
  }

  @Test
  void randomBytesAreParsedOrRefusedInEveryFormat() {
    qt().withExamples(1000)
        .forAll(integers().between(0, 300), longs().all())
        .checkAssert((length, seed) -> {
          byte[] bytes = new byte[length];
          new Random(seed).nextBytes(bytes);
          for (PayloadFormat format : PayloadFormat.values()) {
            decodeOrRefuse(format, bytes);
          }
        });
  }
}
