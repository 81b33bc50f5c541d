package io.chainsig.cli.devnet;

import io.chainsig.node.mpc.FaultInjection;

/**
 * A devnet node started with fault injection (docs/devnet.md): {@code ID:MODE} on the command
 * line, e.g. {@code 3:presign}. A testing aid; the node runs {@code chainsig node
 * --fault-injection MODE}.
 *
 * @param participant the node's participant id (1-based, as in {@code devnet.json})
 * @param mode what it does wrong; never {@link FaultInjection#OFF}
 */
public record NodeFault(int participant, FaultInjection mode) {
  /** Validates. */
  public NodeFault {
    if (participant < 1) {
      throw new IllegalArgumentException("fault injection: participant id must be 1 or more, got " + participant);
    }
    if (mode == null || !mode.isOn()) {
      throw new IllegalArgumentException("fault injection: a mode other than off is needed for node " + participant);
    }
  }

  /**
   * Parses {@code ID:MODE}.
   *
   * @throws IllegalArgumentException if it is not of that form, or the mode is unknown
   */
  public static NodeFault parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("fault injection must be ID:MODE (e.g. 3:presign), got '" + text + "'");
    }
    int id;
    try {
      id = Integer.parseInt(text.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault injection must be ID:MODE (e.g. 3:presign), got '" + text + "'", e);
    }
    return new NodeFault(id, FaultInjection.parse(text.substring(colon + 1)));
  }
}
