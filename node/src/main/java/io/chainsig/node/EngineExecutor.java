package io.chainsig.node;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's thread: runs tasks one at a time in the order they were handed in and, after each
 * (also one that threw), runs {@code afterEachTask}. The node flushes its mesh batch there, so
 * the messages one engine step produces leave together.
 */
final class EngineExecutor extends ThreadPoolExecutor {
  private final Runnable afterEachTask;

  EngineExecutor(ThreadFactory threads, Runnable afterEachTask) {
    super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
    this.afterEachTask = afterEachTask;
  }

  @Override
  protected void afterExecute(Runnable task, Throwable thrown) {
    afterEachTask.run();
  }
}
