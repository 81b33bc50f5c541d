package io.chainsig.node;

import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's thread: the mesh's event loop. Runs tasks one at a time in the order they were
 * handed in (one that throws is logged) and, after the tasks that were waiting together, runs
 * {@code afterTasks} once: the first task that runs queues it behind the tasks already waiting
 * (say, the messages one read of several connections brought). The node flushes its mesh batch
 * there, so the messages those engine steps produce leave together, in one TLS record per peer.
 *
 * <p>Why the event loop and not a thread of its own: every message in or out crossed between the
 * two threads, and each crossing woke the other one (a futex on the way in, the selector's
 * eventfd on the way out). On a 2-core machine running seven processes the selector wake-up alone
 * was 10% of the engine thread's samples (docs/performance.md). On the loop, the messages a read
 * brings reach the engine with no hand-over, and what the engine sends is written to the sockets
 * on the same thread, once the tasks that waited together have run. The price: while the engine computes or waits for a synced store
 * write, the loop reads no socket; the kernel buffers what arrives meanwhile, and the engine is
 * what would consume it anyway.
 */
final class EngineExecutor extends AbstractExecutorService {
  private static final Logger LOG = LoggerFactory.getLogger(EngineExecutor.class);

  private final EventLoop loop;
  private final Runnable afterTasks;
  /** Whether {@link #afterTasks} is queued; used on the loop only. */
  private boolean afterTasksQueued;

  EngineExecutor(EventLoop loop, Runnable afterTasks) {
    this.loop = loop;
    this.afterTasks = afterTasks;
  }

  @Override
  public void execute(Runnable task) {
    loop.execute(() -> runThenAfterTasks(task));
  }

  /** Runs {@code task} every {@code periodMillis} on the engine's thread, each run followed by the after-tasks step. */
  ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long periodMillis) {
    return loop.scheduleAtFixedRate(() -> runThenAfterTasks(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void runThenAfterTasks(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("an engine task failed", e);
    } finally {
      if (!afterTasksQueued) {
        afterTasksQueued = true;
        try {
          loop.execute(() -> {
            afterTasksQueued = false;
            afterTasks.run();
          });
        } catch (java.util.concurrent.RejectedExecutionException e) {
          afterTasksQueued = false; // shutting down: nothing more leaves
        }
      }
    }
  }

  /**
   * Does nothing: the loop belongs to the mesh, whose {@code close()} shuts it down after the task
   * running then; tasks handed in after that are rejected.
   */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return loop.isShuttingDown();
  }

  @Override
  public boolean isTerminated() {
    return loop.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return loop.awaitTermination(timeout, unit);
  }
}
