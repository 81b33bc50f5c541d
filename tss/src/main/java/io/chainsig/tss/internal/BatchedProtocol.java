package io.chainsig.tss.internal;

import io.chainsig.tss.Action;
import io.chainsig.tss.BatchFrameCodec;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several runs of one protocol among the same participants, in lockstep, as one protocol whose
 * output is the list of the runs' outputs ({@code docs/protocols/presign.md}, "Batching"). Each
 * step pokes every run until it waits or returns, and sends each recipient one frame ({@link
 * BatchFrameCodec}) holding every run's messages to it, so the network carries one message per
 * recipient per step for the whole batch. Run {@code i} has the session id {@link
 * BatchFrameCodec#subSession}{@code (i)}.
 *
 * <p>A malformed frame (bad counts or lengths, another session or batch size, trailing bytes,
 * oversized) makes the next {@link #poke()} abort blaming its sender; a run's abort aborts the
 * batch with that run's exception (same blame). The batch returns once every run has returned.
 *
 * @param <T> the output of one run
 */
public final class BatchedProtocol<T> implements Protocol<List<T>> {
  private final ParticipantId me;
  private final ParticipantSet everyone;
  private final BatchFrameCodec codec;
  private final List<Protocol<T>> runs;
  private final List<T> outputs;
  private final boolean[] returned;
  private final Deque<Action<List<T>>> outbox = new ArrayDeque<>();
  private int finishedRuns;
  private ProtocolAbortException abort;
  private ProtocolAbortException peerAbort;

  private BatchedProtocol(
      ParticipantId me, ParticipantSet everyone, BatchFrameCodec codec, List<Protocol<T>> runs) {
    this.me = me;
    this.everyone = everyone;
    this.codec = codec;
    this.runs = runs;
    this.outputs = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      outputs.add(null);
    }
    this.returned = new boolean[runs.size()];
  }

  /**
   * A batch of {@code count} runs made by {@code start}, which is called once per run, in order,
   * with that run's session id.
   *
   * @param session the batch's session id
   * @param me this participant
   * @param everyone every participant of the runs (including me)
   * @param count runs in the batch, 1 to {@link BatchFrameCodec#MAX_COUNT}
   * @param start makes one run for a session id
   * @throws IllegalArgumentException if {@code count} is out of range or {@code me} is not a
   *     participant
   */
  public static <T> BatchedProtocol<T> start(
      SessionId session,
      ParticipantId me,
      ParticipantSet everyone,
      int count,
      Function<SessionId, ? extends Protocol<T>> start) {
    if (!everyone.contains(me)) {
      throw new IllegalArgumentException(me + " is not a participant");
    }
    BatchFrameCodec codec = BatchFrameCodec.of(session, count);
    List<Protocol<T>> runs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      runs.add(start.apply(codec.subSession(i)));
    }
    return new BatchedProtocol<>(me, everyone, codec, List.copyOf(runs));
  }

  @Override
  public Action<List<T>> poke() throws ProtocolAbortException {
    if (abort != null) {
      throw abort;
    }
    if (peerAbort != null) {
      abort = peerAbort;
      throw abort;
    }
    if (outbox.isEmpty()) {
      try {
        step();
      } catch (ProtocolAbortException e) {
        abort = e; // a run's abort, with its blame
        throw e;
      } catch (RuntimeException e) {
        abort = ProtocolAbortException.internal(e);
        throw abort;
      }
    }
    if (!outbox.isEmpty()) {
      return outbox.poll();
    }
    if (finishedRuns == runs.size()) {
      return new Action.Return<>(List.copyOf(outputs));
    }
    return new Action.Wait<>();
  }

  /**
   * Pokes every run until it waits or returns, and queues one frame per recipient. A run's abort
   * propagates; a run that breaks the protocol contract, or a frame too large to encode, is a
   * runtime exception (an internal abort).
   */
  private void step() throws ProtocolAbortException {
    List<ParticipantId> others = everyone.others(me);
    Map<ParticipantId, List<List<byte[]>>> frames = new LinkedHashMap<>();
    boolean anyPrivate = false;
    for (int i = 0; i < runs.size(); i++) {
      if (returned[i]) {
        continue;
      }
      Protocol<T> run = runs.get(i);
      boolean waiting = false;
      while (!waiting) {
        switch (run.poke()) {
          case Action.Wait<T> w -> waiting = true;
          case Action.Return<T> r -> {
            returned[i] = true;
            outputs.set(i, r.output());
            finishedRuns++;
            waiting = true;
          }
          case Action.SendMany<T> s -> {
            for (ParticipantId to : others) {
              slot(frames, to).get(i).add(s.bytes());
            }
          }
          case Action.SendPrivate<T> s -> {
            if (s.to().equals(me) || !everyone.contains(s.to())) {
              throw new IllegalStateException("run " + i + " sent a message to " + s.to());
            }
            anyPrivate = true;
            slot(frames, s.to()).get(i).add(s.bytes());
          }
        }
      }
    }
    if (frames.isEmpty()) {
      return;
    }
    if (!anyPrivate) {
      // Every run broadcast only: every recipient gets the same frame.
      outbox.add(new Action.SendMany<>(codec.encode(frames.get(others.get(0)))));
      return;
    }
    for (ParticipantId to : others) {
      List<List<byte[]>> frame = frames.get(to);
      if (frame != null) {
        outbox.add(new Action.SendPrivate<>(to, codec.encode(frame)));
      }
    }
  }

  private List<List<byte[]>> slot(Map<ParticipantId, List<List<byte[]>>> frames, ParticipantId to) {
    return frames.computeIfAbsent(to, p -> {
      List<List<byte[]>> perRun = new ArrayList<>(runs.size());
      for (int i = 0; i < runs.size(); i++) {
        perRun.add(new ArrayList<>(1));
      }
      return perRun;
    });
  }

  @Override
  public void message(ParticipantId from, byte[] bytes) {
    if (finishedRuns == runs.size() || abort != null || peerAbort != null) {
      return;
    }
    if (from == null || from.equals(me) || !everyone.contains(from)) {
      return;
    }
    List<List<byte[]>> messages;
    try {
      messages = codec.decode(bytes);
    } catch (IllegalArgumentException e) {
      peerAbort = ProtocolAbortException.blaming(from, "bad batch frame from " + from + ": " + e.getMessage());
      return;
    }
    for (int i = 0; i < messages.size(); i++) {
      Protocol<T> run = runs.get(i);
      for (byte[] m : messages.get(i)) {
        run.message(from, m);
      }
    }
  }

  @Override
  public String toString() {
    return "BatchedProtocol[" + codec.session() + ", " + finishedRuns + " of " + runs.size() + " runs returned]";
  }
}
