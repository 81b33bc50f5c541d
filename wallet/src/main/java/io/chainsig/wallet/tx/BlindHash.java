package io.chainsig.wallet.tx;

import io.chainsig.crypto.encoding.Hex;
import java.util.List;
import java.util.Set;

/**
 * A bare 32-byte hash: the wallet cannot tell what it authorizes, on which chain, or whether it is
 * a transaction at all. Signing it is "blind signing" and is always shown as such.
 */
public final class BlindHash implements SignablePayload {
  private final byte[] hash;

  /** Wraps exactly 32 bytes. */
  public BlindHash(byte[] hash) {
    if (hash.length != 32) {
      throw new MalformedTransactionException("a blind-signing payload is exactly 32 bytes, got " + hash.length);
    }
    this.hash = hash.clone();
  }

  @Override
  public Set<Long> coinTypes() {
    return Set.of();
  }

  @Override
  public String networkName() {
    return "unknown chain";
  }

  @Override
  public List<String> description() {
    return List.of(
        "Blind signing: sign the hash " + Hex.encode(hash),
        "The wallet cannot read what this hash authorizes, on which chain, or for how much.");
  }

  @Override
  public byte[] signingHash() {
    return hash.clone();
  }

  @Override
  public boolean isBlind() {
    return true;
  }
}
