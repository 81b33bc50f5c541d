package io.chainsig.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.RequestKey;
import io.chainsig.crypto.encoding.Hex;
import org.junit.jupiter.api.Test;

/** The node and the contract name a request by the same id. */
class RequestIdTest {
  @Test
  void theNodesRequestIdIsTheContracts() {
    for (int domain : new int[] {0, 1, 17}) {
      for (int i = 0; i < 10; i++) {
        String tweak = String.format("%064x", 0x1234567L * (i + 1));
        String payload = Hex.encode(io.chainsig.crypto.Hashes.sha256(new byte[] {(byte) i, (byte) domain}));
        RequestKey key = new RequestKey(tweak, payload, domain);
        PendingSign sign = new PendingSign(tweak, payload, domain, "alice.test.near", "p", 3, "ab".repeat(32));
        assertThat(sign.requestId()).isEqualTo(key.requestId()).hasSize(32);
        assertThat(PendingSign.requestId(tweak, payload, domain)).isEqualTo(key.requestId());
        assertThat(sign.shortId()).isEqualTo(key.shortId()).hasSize(PendingSign.SHORT_ID_HEX_DIGITS)
            .isEqualTo(sign.requestIdHex().substring(0, 32));
      }
    }
  }
}
