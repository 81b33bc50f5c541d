package io.chainsig.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An action that failed during execution: nearcore's {@code ActionErrorKind} JSON. The
 * transaction's actions are rolled back; fees stay charged.
 */
final class ActionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient JsonNode kind;
  private final int index;

  ActionFailure(JsonNode kind) {
    this(kind, 0);
  }

  private ActionFailure(JsonNode kind, int index) {
    super(kind.toString());
    this.kind = kind;
    this.index = index;
  }

  /** The same failure, located at an action index. */
  ActionFailure at(int actionIndex) {
    return new ActionFailure(kind, actionIndex);
  }

  int index() {
    return index;
  }

  JsonNode kind() {
    return kind;
  }
}
