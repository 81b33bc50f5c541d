package io.chainsig.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's thread runs its after-task step (the mesh flush) after every task, in order. */
class EngineExecutorTest {
  @Test
  void runsTheStepAfterEveryTaskEvenOneThatThrows() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EngineExecutor engine = new EngineExecutor(r -> {
      Thread t = new Thread(r, "test-engine");
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((th, e) -> events.add("uncaught " + e.getMessage()));
      return t;
    }, () -> events.add("flush"));
    try {
      engine.execute(() -> events.add("a"));
      engine.execute(() -> {
        events.add("b");
        throw new IllegalStateException("boom");
      });
      engine.execute(() -> events.add("c"));
      engine.shutdown();
      assertThat(engine.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      engine.shutdownNow();
    }
    // The pool replaces the thread that threw; its uncaught-exception handler runs on the old
    // thread, concurrently with "c" on the new one, so only its place after b's flush is fixed.
    assertThat(events.stream().filter(e -> !e.startsWith("uncaught")))
        .containsExactly("a", "flush", "b", "flush", "c", "flush");
    assertThat(events.indexOf("uncaught boom")).isGreaterThan(events.indexOf("b") + 1);
  }
}
