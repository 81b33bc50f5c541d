package io.chainsig.tss.internal;

import io.chainsig.tss.Action;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolAbortException;
import io.chainsig.tss.SessionId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state machine shared by all protocols here: an outbox of actions, an inbox of messages
 * buffered per round (messages may arrive early and in any order), and a current round whose
 * messages are handed to {@link #onRound} once every expected sender's message is in. Header
 * checks (size cap, version, protocol, session, round, duplicates) happen on arrival and turn
 * into an abort that blames the sender.
 *
 * @param <T> the output type
 */
public abstract class RoundBasedProtocol<T> implements Protocol<T> {
  /** This run's session id. */
  protected final SessionId session;

  /** The participant running this instance. */
  protected final ParticipantId me;

  private final int protocolTag;
  private final byte[] sessionBytes;
  private final ParticipantSet everyone;
  private final int lastRound;
  private final Deque<Action<T>> outbox = new ArrayDeque<>();
  private final Map<Integer, Map<ParticipantId, byte[]>> inbox = new HashMap<>();
  private boolean started;
  private int awaiting;
  private boolean finished;
  private T output;
  private ProtocolAbortException abort;
  private ProtocolAbortException peerAbort;

  /**
   * @param protocolTag one of the {@code MessageCodec.PROTOCOL_*} tags
   * @param session the run's session id
   * @param me this participant
   * @param everyone every participant that may send messages in this run (including me)
   * @param lastRound the highest round number any message of this protocol carries
   */
  protected RoundBasedProtocol(
      int protocolTag, SessionId session, ParticipantId me, ParticipantSet everyone, int lastRound) {
    this.protocolTag = protocolTag;
    this.session = session;
    this.sessionBytes = session.bytes();
    this.me = me;
    this.everyone = everyone;
    this.lastRound = lastRound;
  }

  /** Sends round-1 messages and calls {@link #await} or {@link #finish}. */
  protected abstract void start() throws ProtocolAbortException;

  /** The participants whose message this party must receive in {@code round} (never me). */
  protected abstract Set<ParticipantId> sendersOf(int round);

  /**
   * Handles the complete set of messages of {@code round}, in ascending sender order; sends the
   * next round's messages and calls {@link #await} or {@link #finish}.
   */
  protected abstract void onRound(int round, Map<ParticipantId, MessageReader> messages)
      throws ProtocolAbortException;

  /** Waits for the messages of {@code round} next. */
  protected final void await(int round) {
    this.awaiting = round;
  }

  /** Ends the run with {@code result}, after any queued sends. */
  protected final void finish(T result) {
    this.finished = true;
    this.output = result;
  }

  /** A writer for a message of {@code round} of this protocol and session. */
  protected final MessageWriter writer(int round) {
    return new MessageWriter(protocolTag, round, session);
  }

  /** Queues a message to every other participant. */
  protected final void sendMany(MessageWriter message) {
    outbox.add(new Action.SendMany<>(message.toBytes()));
  }

  /** Queues a message to one participant. */
  protected final void sendPrivate(ParticipantId to, MessageWriter message) {
    outbox.add(new Action.SendPrivate<>(to, message.toBytes()));
  }

  @Override
  public final Action<T> poke() throws ProtocolAbortException {
    if (abort != null) {
      throw abort;
    }
    try {
      if (!started) {
        started = true;
        start();
      }
      while (outbox.isEmpty() && !finished && peerAbort == null && roundComplete()) {
        int round = awaiting;
        awaiting = 0;
        Map<ParticipantId, byte[]> raw = inbox.getOrDefault(round, Map.of());
        inbox.remove(round);
        Map<ParticipantId, MessageReader> readers = new LinkedHashMap<>();
        for (ParticipantId from : everyone.ids()) {
          byte[] payload = raw.get(from);
          if (payload != null) {
            readers.put(from, new MessageReader(from, round, payload));
          }
        }
        onRound(round, readers);
        if (!finished && awaiting <= round) {
          throw new IllegalStateException("round " + round + " handler did not move on");
        }
      }
    } catch (ProtocolAbortException e) {
      abort = e;
      throw e;
    } catch (RuntimeException e) {
      abort = ProtocolAbortException.internal(e);
      throw abort;
    }
    if (!outbox.isEmpty()) {
      return outbox.poll();
    }
    if (peerAbort != null && !finished) {
      abort = peerAbort;
      throw abort;
    }
    if (finished) {
      return new Action.Return<>(output);
    }
    return new Action.Wait<>();
  }

  private boolean roundComplete() {
    if (awaiting == 0) {
      return false;
    }
    Set<ParticipantId> expected = sendersOf(awaiting);
    Map<ParticipantId, byte[]> got = inbox.getOrDefault(awaiting, Map.of());
    for (ParticipantId from : got.keySet()) {
      if (!expected.contains(from)) {
        peerAbort = ProtocolAbortException.blaming(
            from, from + " sent a round " + awaiting + " message it has no part in");
        return false;
      }
    }
    return got.keySet().containsAll(expected);
  }

  @Override
  public final void message(ParticipantId from, byte[] bytes) {
    if (finished || abort != null || peerAbort != null) {
      return;
    }
    if (from == null || from.equals(me) || !everyone.contains(from)) {
      return;
    }
    String problem = headerProblem(bytes);
    if (problem != null) {
      peerAbort = ProtocolAbortException.blaming(from, "bad message from " + from + ": " + problem);
      return;
    }
    int round = bytes[2] & 0xFF;
    Map<ParticipantId, byte[]> slot = inbox.computeIfAbsent(round, r -> new HashMap<>());
    if (slot.containsKey(from)) {
      peerAbort = ProtocolAbortException.blaming(
          from, "duplicate round " + round + " message from " + from);
      return;
    }
    slot.put(from, Arrays.copyOfRange(bytes, MessageCodec.HEADER_LENGTH, bytes.length));
  }

  private String headerProblem(byte[] bytes) {
    if (bytes == null) {
      return "no bytes";
    }
    if (bytes.length > MessageCodec.MAX_MESSAGE_BYTES) {
      return "oversized message (" + bytes.length + " bytes)";
    }
    if (bytes.length < MessageCodec.HEADER_LENGTH) {
      return "truncated header (" + bytes.length + " bytes)";
    }
    if ((bytes[0] & 0xFF) != MessageCodec.VERSION) {
      return "unsupported encoding version " + (bytes[0] & 0xFF);
    }
    if ((bytes[1] & 0xFF) != protocolTag) {
      return "message of another protocol (tag " + (bytes[1] & 0xFF) + ")";
    }
    if (!Arrays.equals(bytes, 3, MessageCodec.HEADER_LENGTH, sessionBytes, 0, sessionBytes.length)) {
      return "message of another session";
    }
    int round = bytes[2] & 0xFF;
    if (round < 1 || round > lastRound) {
      return "no such round " + round;
    }
    if (started && awaiting != 0 && round < awaiting) {
      return "round " + round + " message after that round ended";
    }
    return null;
  }
}
