package io.chainsig.contract;

import java.util.List;

/** The result of a change call to the contract. */
public sealed interface CallOutcome {
  /**
   * The call finished.
   *
   * @param valueJson the JSON return value, or the empty string for none
   * @param resolutions waiting {@code sign} calls this call resolved (from {@code respond})
   */
  record Returned(String valueJson, List<Resolution> resolutions) implements CallOutcome {
    /** Copies the list. */
    public Returned {
      resolutions = List.copyOf(resolutions);
    }
  }

  /**
   * The call waits (a {@code sign}); it ends with a {@link Resolution} for its call id.
   *
   * @param key the request the call waits on
   */
  record Pending(RequestKey key) implements CallOutcome {}
}
