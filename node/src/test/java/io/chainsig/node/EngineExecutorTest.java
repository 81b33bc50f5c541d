package io.chainsig.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's thread (an event loop) runs its after-tasks step (the mesh flush) once after the
 * tasks that waited together, also when one of them threw.
 */
class EngineExecutorTest {
  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Runs on the loop until every task queued so far, and the flushes they queued, have run. */
  private static void drain(EngineExecutor engine) throws Exception {
    for (int i = 0; i < 3; i++) {
      engine.submit(() -> {}).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void tasksWaitingTogetherAreFlushedOnceAfterTheLastEvenIfOneThrows() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(group.next(), () -> events.add("flush"));
    CountDownLatch hold = new CountDownLatch(1);
    engine.execute(() -> {
      try {
        hold.await(10, TimeUnit.SECONDS); // the three below queue up meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      events.add("first");
    });
    engine.execute(() -> events.add("a"));
    engine.execute(() -> {
      events.add("b");
      throw new IllegalStateException("boom");
    });
    engine.execute(() -> events.add("c"));
    hold.countDown();
    drain(engine);
    assertThat(events.subList(0, 5)).containsExactly("first", "a", "b", "c", "flush");
  }

  @Test
  void aTaskAfterTheFlushGetsAFlushOfItsOwn() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(group.next(), () -> events.add("flush"));
    engine.submit(() -> events.add("a")).get(10, TimeUnit.SECONDS);
    drain(engine);
    engine.submit(() -> events.add("b")).get(10, TimeUnit.SECONDS);
    drain(engine);
    assertThat(events).containsSubsequence("a", "flush", "b", "flush");
    assertThat(events.indexOf("flush")).isLessThan(events.indexOf("b"));
  }

  @Test
  void aTaskHandedInFromTheLoopRunsAfterTheCurrentOneAndBeforeItsFlush() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(group.next(), () -> events.add("flush"));
    CountDownLatch done = new CountDownLatch(1);
    engine.execute(() -> {
      events.add("outer");
      engine.execute(() -> {
        events.add("inner");
        done.countDown();
      });
      events.add("outer end");
    });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    drain(engine);
    // The inner task was queued before the outer task ended and queued the flush.
    assertThat(events).startsWith("outer", "outer end", "inner", "flush");
  }

  @Test
  void scheduledTasksAreFollowedByTheStepToo() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(group.next(), () -> events.add("flush"));
    CountDownLatch three = new CountDownLatch(3);
    ScheduledFuture<?> f = engine.scheduleAtFixedRate(() -> {
      events.add("tick");
      three.countDown();
    }, 5);
    assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
    f.cancel(false);
    drain(engine);
    assertThat(events.subList(0, 6)).containsExactly("tick", "flush", "tick", "flush", "tick", "flush");
  }

  @Test
  void endsWithItsLoop() throws Exception {
    EngineExecutor engine = new EngineExecutor(group.next(), () -> {});
    assertThat(engine.isShutdown()).isFalse();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    assertThat(engine.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(engine.isShutdown()).isTrue();
    assertThat(engine.isTerminated()).isTrue();
  }
}
