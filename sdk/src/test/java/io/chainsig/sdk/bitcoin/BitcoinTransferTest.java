package io.chainsig.sdk.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.sdk.InvalidDestinationException;
import org.junit.jupiter.api.Test;

class BitcoinTransferTest {
  private static final FeeRate RATE = new FeeRate(2);

  @Test
  void aWitnessScriptBecomesTheDestinationWithTheNetworksHrp() {
    String p2wpkh = "0014751e76e8199196d454941c45d1b3a323f1433bd6";
    BitcoinTransfer t = BitcoinTransfer.toScript(p2wpkh, "bc", 1000, RATE);
    assertThat(t.destination().encode()).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(Hex.encode(t.destination().scriptPubKey())).isEqualTo(p2wpkh);
    String taproot = "5120" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    assertThat(BitcoinTransfer.toScript(taproot, "rltc", 1000, RATE).destination().version()).isEqualTo(1);
  }

  @Test
  void otherScriptsAreBadDestinations() {
    for (String bad : new String[] {"", "zz", "76a914751e76e8199196d454941c45d1b3a323f1433bd688ac", "0015751e76e8199196d454941c45d1b3a323f1433bd6",
        "0013751e76e8199196d454941c45d1b3a323f1433b"}) {
      assertThatThrownBy(() -> BitcoinTransfer.toScript(bad, "bc", 1000, RATE))
          .as(bad).isInstanceOf(InvalidDestinationException.class).hasMessageContaining("bad destination script");
    }
  }
}
