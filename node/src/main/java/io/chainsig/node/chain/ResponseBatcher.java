package io.chainsig.node.chain;

import io.chainsig.near.rpc.ChainException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code respond} calls (docs/node.md step 7) with at most one transaction on the way at a
 * time: the responses that queue up meanwhile leave together in the next transaction, up to
 * {@link #MAX_BATCH} function calls. A transaction's actions succeed or fail together, so when a
 * batch is refused (one request timed out, say) its responses are sent again one by one. Each
 * response's outcome goes to its callback: true once the chain accepted it.
 */
public final class ResponseBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseBatcher.class);
  /** Most {@code respond} calls in one transaction (each gets 1/MAX_BATCH of the gas limit). */
  public static final int MAX_BATCH = 10;

  private record Queued(RequestSignature response, Consumer<Boolean> done) {}

  private final ContractGateway gateway;
  private final Executor io;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private boolean sending;

  /** Sends through {@code gateway}, blocking calls on {@code io}. */
  public ResponseBatcher(ContractGateway gateway, Executor io) {
    this.gateway = gateway;
    this.io = io;
  }

  /** Queues a response; {@code done} is called (on an io thread) with whether the chain took it. */
  public void submit(RequestSignature response, Consumer<Boolean> done) {
    synchronized (this) {
      queue.add(new Queued(response, done));
      if (sending) {
        return;
      }
      sending = true;
    }
    io.execute(this::drain);
  }

  private void drain() {
    while (true) {
      List<Queued> batch = new ArrayList<>();
      synchronized (this) {
        while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
          batch.add(queue.poll());
        }
        if (batch.isEmpty()) {
          sending = false;
          return;
        }
      }
      send(batch);
    }
  }

  private void send(List<Queued> batch) {
    if (batch.size() > 1) {
      try {
        gateway.respond(batch.stream().map(Queued::response).toList());
        batch.forEach(q -> q.done().accept(true));
        return;
      } catch (ChainException | RuntimeException e) {
        LOG.info("a batch of {} responses was refused ({}); sending them one by one", batch.size(), e.getMessage());
      }
    }
    for (Queued q : batch) {
      boolean ok = false;
      for (int attempt = 0; attempt < 3 && !ok; attempt++) {
        try {
          gateway.respond(List.of(q.response()));
          ok = true;
        } catch (ChainException | RuntimeException e) {
          LOG.warn("respond for {} failed: {}", q.response().request().requestIdHex(), e.getMessage());
          try {
            Thread.sleep(200L << attempt);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      q.done().accept(ok);
    }
  }
}
