package io.chainsig.tss;

import java.util.Objects;

/**
 * What a {@link Protocol} asks its driver to do next.
 *
 * @param <T> the protocol's output type
 */
public sealed interface Action<T>
    permits Action.Wait, Action.SendMany, Action.SendPrivate, Action.Return {

  /** Nothing to do until another message arrives. */
  record Wait<T>() implements Action<T> {}

  /**
   * Send the same bytes to every other participant.
   *
   * @param bytes the encoded message
   */
  record SendMany<T>(byte[] bytes) implements Action<T> {
    /** Rejects missing bytes. */
    public SendMany {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Send bytes to one participant only, over a private authenticated channel.
   *
   * @param to the recipient
   * @param bytes the encoded message
   */
  record SendPrivate<T>(ParticipantId to, byte[] bytes) implements Action<T> {
    /** Rejects missing values. */
    public SendPrivate {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * The protocol has finished with this output.
   *
   * @param output the result
   */
  record Return<T>(T output) implements Action<T> {}
}
