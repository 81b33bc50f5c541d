package io.chainsig.cli.devnet;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@code devnet reshare} changes and how it waits (docs/devnet.md).
 *
 * @param add new nodes to create and propose
 * @param remove participant ids to drop (their nodes are stopped once the reshare is done)
 * @param threshold the new threshold, if it changes
 * @param startNew whether the new nodes' processes are started; {@code false} registers and
 *     proposes them but never starts them, so the reshare cannot finish (until it is cancelled)
 * @param waitSeconds how long to wait for the reshare to finish; 0 returns once the votes are in
 */
public record ReshareChange(int add, List<Integer> remove, OptionalInt threshold, boolean startNew, int waitSeconds) {
  /** At most this many nodes are added at once. */
  public static final int MAX_ADD = 20;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException with the reason, for a change that is empty or inconsistent
   */
  public ReshareChange {
    remove = List.copyOf(remove);
    if (add < 0 || add > MAX_ADD) {
      throw new IllegalArgumentException("--add must be 0.." + MAX_ADD + ", got " + add);
    }
    if (remove.stream().anyMatch(id -> id < 1) || new HashSet<>(remove).size() != remove.size()) {
      throw new IllegalArgumentException("--remove takes distinct participant ids (1 or more), got " + remove);
    }
    if (threshold.isPresent() && threshold.getAsInt() < 1) {
      throw new IllegalArgumentException("--threshold must be at least 1, got " + threshold.getAsInt());
    }
    if (!startNew && add == 0) {
      throw new IllegalArgumentException("--no-start is about new nodes: give --add N");
    }
    if (add == 0 && remove.isEmpty() && threshold.isEmpty()) {
      throw new IllegalArgumentException("nothing to change: give --add, --remove and/or --threshold");
    }
    if (waitSeconds < 0) {
      throw new IllegalArgumentException("--timeout must not be negative, got " + waitSeconds);
    }
    if (waitSeconds == 0 && !remove.isEmpty()) {
      throw new IllegalArgumentException(
          "--remove stops the removed nodes once the reshare is done, so it needs to wait: drop --no-wait");
    }
  }
}
