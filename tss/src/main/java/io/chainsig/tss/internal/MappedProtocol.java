package io.chainsig.tss.internal;

import io.chainsig.tss.Action;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import java.util.function.Function;

/**
 * A protocol whose output is transformed by a function, e.g. to unwrap an {@code Optional} that
 * is always present for the callers of a particular entry point.
 *
 * @param <A> the inner output type
 * @param <B> the outer output type
 */
public final class MappedProtocol<A, B> implements Protocol<B> {
  private final Protocol<A> inner;
  private final Function<A, B> map;

  /** Wraps {@code inner}, mapping its output with {@code map}. */
  public MappedProtocol(Protocol<A> inner, Function<A, B> map) {
    this.inner = inner;
    this.map = map;
  }

  @Override
  public Action<B> poke() throws ProtocolAbortException {
    return switch (inner.poke()) {
      case Action.Wait<A> w -> new Action.Wait<>();
      case Action.SendMany<A> s -> new Action.SendMany<>(s.bytes());
      case Action.SendPrivate<A> s -> new Action.SendPrivate<>(s.to(), s.bytes());
      case Action.Return<A> r -> new Action.Return<>(map.apply(r.output()));
    };
  }

  @Override
  public void message(ParticipantId from, byte[] bytes) {
    inner.message(from, bytes);
  }
}
