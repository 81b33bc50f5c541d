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

/** The engine's thread (an event loop) runs its after-task step (the mesh flush) after every task, in order. */
class EngineExecutorTest {
  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void runsTheStepAfterEveryTaskEvenOneThatThrows() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(group.next(), () -> events.add("flush"));
    engine.execute(() -> events.add("a"));
    engine.execute(() -> {
      events.add("b");
      throw new IllegalStateException("boom");
    });
    engine.execute(() -> events.add("c"));
    assertThat(engine.submit(() -> events.add("d")).get(10, TimeUnit.SECONDS)).isTrue();
    // d's future completes inside its task, before its flush: one more task waits that out.
    engine.submit(() -> {}).get(10, TimeUnit.SECONDS);
    assertThat(events.subList(0, 8)).containsExactly("a", "flush", "b", "flush", "c", "flush", "d", "flush");
  }

  @Test
  void aTaskHandedInFromTheLoopRunsAfterTheCurrentOne() throws Exception {
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
    engine.submit(() -> {}).get(10, TimeUnit.SECONDS);
    assertThat(events).startsWith("outer", "outer end", "flush", "inner", "flush");
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
    engine.submit(() -> {}).get(10, TimeUnit.SECONDS);
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
