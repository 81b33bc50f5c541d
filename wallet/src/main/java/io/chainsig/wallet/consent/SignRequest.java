package io.chainsig.wallet.consent;

import io.chainsig.wallet.path.WalletKey;
import io.chainsig.wallet.tx.SignablePayload;
import java.util.Objects;

/** A dapp's request: who asks, with which key, to sign what. {@code id} names it in logs and URLs. */
public record SignRequest(String id, RequestOrigin origin, WalletKey key, SignablePayload payload) {
  /** Checks every part is present. */
  public SignRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
  }
}
