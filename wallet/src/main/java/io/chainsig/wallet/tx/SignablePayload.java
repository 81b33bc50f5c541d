package io.chainsig.wallet.tx;

import java.util.List;
import java.util.Set;

/**
 * Something a dapp asks to have signed, parsed: it knows which chains it can be meant for, how to
 * describe itself to the user, and the exact 32-byte hash the signer must sign.
 */
public interface SignablePayload {
  /** SLIP-44 coin types this payload can be a transaction of; empty for blind signing. */
  Set<Long> coinTypes();

  /** The network for prompts, e.g. {@code Bitcoin} or {@code Binance Smart Chain}. */
  String networkName();

  /** What the user reads: a headline (e.g. {@code Send 100 BTC}) followed by details. */
  List<String> description();

  /** The 32 bytes to sign. */
  byte[] signingHash();

  /** True for a bare hash the wallet cannot interpret (blind signing). */
  default boolean isBlind() {
    return false;
  }

  /** The headline of {@link #description()}. */
  default String headline() {
    return description().getFirst();
  }
}
