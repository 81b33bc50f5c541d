package io.chainsig.node.mesh;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Messages one thread queues for the mesh and hands over together at {@link #flush()} (the node
 * flushes after every engine task). Each participant's frames go into one buffer, so TLS seals
 * them into as few records as their size allows; each event loop gets one task per flush that
 * writes and flushes every connection it serves, instead of a task (and a selector wake-up) per
 * message. Frames to one participant keep the order they were queued in, within a flush and
 * across flushes.
 *
 * <p>Not thread-safe: use a batch from one thread at a time (such as the tasks of a single-threaded
 * executor, one after another). Messages whose connection closes before they are written are not delivered and are logged (a
 * closed connection loses what was in flight on it either way; the protocols time out and retry).
 */
public final class MeshBatch {
  /** Smallest buffer started for a participant's frames. */
  private static final int MIN_BUFFER = 256;

  private final MeshTransport transport;
  private final List<Frames> queued = new ArrayList<>(4);

  MeshBatch(MeshTransport transport) {
    this.transport = transport;
  }

  /**
   * Queues a message to a participant over its outgoing connection; it leaves at the next {@link
   * #flush()}.
   *
   * @return false if there is no live connection to it right now (nothing is queued then)
   */
  public boolean send(int to, MeshMessage message) {
    Channel ch = transport.liveConnection(to);
    if (ch == null) {
      return false;
    }
    Frames frames = null;
    for (Frames f : queued) {
      if (f.channel == ch) {
        frames = f;
        break;
      }
    }
    if (frames == null) {
      frames = new Frames(to, ch, ch.alloc().heapBuffer(Math.max(MIN_BUFFER, message.frameLength())));
      queued.add(frames);
    }
    message.writeFrame(frames.buffer);
    frames.count++;
    return true;
  }

  /** Hands everything queued to the connections: one task per event loop, one flush per connection. */
  public void flush() {
    while (!queued.isEmpty()) {
      EventLoop loop = queued.get(0).channel.eventLoop();
      List<Frames> forLoop = new ArrayList<>(queued.size());
      for (Iterator<Frames> it = queued.iterator(); it.hasNext(); ) {
        Frames f = it.next();
        if (f.channel.eventLoop() == loop) {
          forLoop.add(f);
          it.remove();
        }
      }
      if (loop.inEventLoop()) {
        forLoop.forEach(Frames::write); // the engine runs on the mesh's loop: write now, no hand-over
        continue;
      }
      try {
        loop.execute(() -> forLoop.forEach(Frames::write));
      } catch (RejectedExecutionException e) {
        forLoop.forEach(f -> f.drop("the mesh is shutting down"));
      }
    }
  }

  /** The frames queued for one connection. */
  private static final class Frames {
    final int to;
    final Channel channel;
    final ByteBuf buffer;
    int count;

    Frames(int to, Channel channel, ByteBuf buffer) {
      this.to = to;
      this.channel = channel;
      this.buffer = buffer;
    }

    /** On the channel's event loop. */
    void write() {
      if (!channel.isActive()) {
        drop("the connection closed");
        return;
      }
      channel
          .writeAndFlush(buffer)
          .addListener(
              done -> {
                if (!done.isSuccess()) {
                  MeshTransport.undelivered(to, count, "write failed: " + done.cause());
                }
              });
    }

    void drop(String reason) {
      buffer.release();
      MeshTransport.undelivered(to, count, reason);
    }
  }
}
