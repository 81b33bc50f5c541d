package io.chainsig.tss;

/**
 * A running instance of a multi-party protocol, seen from one participant. The caller loops:
 * {@link #poke()} until it returns {@link Action.Wait}, performing every send it is asked for;
 * then waits for a message from the network and hands it to {@link #message}. {@link
 * Action.Return} carries the output and ends the run.
 *
 * <p>Implementations are not thread-safe; drive one instance from one thread at a time.
 *
 * @param <T> the output type
 */
public interface Protocol<T> {
  /**
   * The next thing to do.
   *
   * @throws ProtocolAbortException if the run has stopped because a check failed; every later
   *     call throws the same exception
   */
  Action<T> poke() throws ProtocolAbortException;

  /**
   * Delivers a message received from {@code from}. Never throws for bad peer input: a malformed,
   * oversized, misplaced or duplicate message makes the next {@link #poke()} abort and blame
   * {@code from}. Messages from outside the participant set are ignored.
   */
  void message(ParticipantId from, byte[] bytes);
}
