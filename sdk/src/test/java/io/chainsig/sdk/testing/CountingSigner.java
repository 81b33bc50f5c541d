package io.chainsig.sdk.testing;

import io.chainsig.sdk.signer.EcdsaSignature;
import io.chainsig.sdk.signer.PayloadSigner;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a signer and counts the payloads it was asked to sign. */
public final class CountingSigner implements PayloadSigner {
  private final PayloadSigner delegate;
  private final AtomicInteger calls = new AtomicInteger();

  /** Counts calls to a delegate. */
  public CountingSigner(PayloadSigner delegate) {
    this.delegate = delegate;
  }

  @Override
  public EcdsaSignature sign(byte[] payload32) {
    calls.incrementAndGet();
    return delegate.sign(payload32);
  }

  /** How many payloads were asked for. */
  public int calls() {
    return calls.get();
  }
}
