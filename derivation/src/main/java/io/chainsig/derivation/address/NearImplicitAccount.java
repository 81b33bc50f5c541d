package io.chainsig.derivation.address;

import io.chainsig.derivation.Ed25519PublicKey;
import io.chainsig.derivation.NearAccountId;

/** NEAR implicit accounts: the account id is the lower-case hex of the 32-byte ed25519 key. */
public final class NearImplicitAccount {
  private NearImplicitAccount() {}

  /** The implicit account id of an ed25519 key. */
  public static NearAccountId of(Ed25519PublicKey key) {
    return NearAccountId.of(key.toHex());
  }
}
