package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;
import java.util.List;

/**
 * A sign request waiting for the network, as listed to the nodes.
 *
 * @param key the request identity (tweak, payload, domain)
 * @param predecessor the account that asked first
 * @param path the derivation path the first caller gave
 * @param blockHeight height of the block the request first arrived in
 * @param entropy that block's random value (hex): fresh public entropy for re-randomisation
 * @param waiting the calls waiting for this response, oldest first, never empty
 */
public record PendingRequest(
    RequestKey key,
    NearAccountId predecessor,
    String path,
    long blockHeight,
    String entropy,
    List<WaitingCall> waiting) {
  /** Validates and copies. */
  public PendingRequest {
    if (key == null || predecessor == null || path == null || entropy == null) {
      throw new IllegalArgumentException("pending request fields are required");
    }
    waiting = List.copyOf(waiting);
    if (waiting.isEmpty()) {
      throw new IllegalArgumentException("a pending request has at least one waiting call");
    }
  }

  /** A copy with one more waiting call. */
  PendingRequest plus(WaitingCall call) {
    List<WaitingCall> more = new java.util.ArrayList<>(waiting);
    more.add(call);
    return new PendingRequest(key, predecessor, path, blockHeight, entropy, more);
  }
}
