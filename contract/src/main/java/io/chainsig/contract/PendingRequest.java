package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;
import java.util.ArrayList;
import java.util.List;

/**
 * A sign request waiting for the network, as listed to the nodes.
 *
 * @param key the request identity (tweak, payload, domain)
 * @param shortId the key's {@link RequestKey#shortId()}, kept so that listing the pending requests
 *     by id does not hash them again
 * @param predecessor the account that asked first
 * @param path the derivation path the first caller gave
 * @param blockHeight height of the block the request first arrived in
 * @param entropy that block's random value (hex): fresh public entropy for re-randomisation
 * @param waiting the calls waiting for this response, oldest first, never empty
 */
public record PendingRequest(
    RequestKey key,
    String shortId,
    NearAccountId predecessor,
    String path,
    long blockHeight,
    String entropy,
    List<WaitingCall> waiting) {
  /** Validates and copies. */
  public PendingRequest {
    if (key == null || shortId == null || predecessor == null || path == null || entropy == null) {
      throw new IllegalArgumentException("pending request fields are required");
    }
    if (!shortId.equals(key.shortId())) {
      throw new IllegalArgumentException("short id " + shortId + " is not the key's (" + key.shortId() + ")");
    }
    waiting = List.copyOf(waiting);
    if (waiting.isEmpty()) {
      throw new IllegalArgumentException("a pending request has at least one waiting call");
    }
  }

  /** A new pending request: its short id is computed from the key. */
  static PendingRequest of(
      RequestKey key, NearAccountId predecessor, String path, long blockHeight, String entropy,
      List<WaitingCall> waiting) {
    return new PendingRequest(key, key.shortId(), predecessor, path, blockHeight, entropy, waiting);
  }

  /** A copy with one more waiting call. */
  PendingRequest plus(WaitingCall call) {
    List<WaitingCall> more = new ArrayList<>(waiting);
    more.add(call);
    return withWaiting(more);
  }

  /** A copy with these waiting calls instead. */
  PendingRequest withWaiting(List<WaitingCall> calls) {
    return new PendingRequest(key, shortId, predecessor, path, blockHeight, entropy, calls);
  }
}
