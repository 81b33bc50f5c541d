package io.chainsig.wallet.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requests of this run by id, for the dapp's polling and the consent page's answer. Bounded:
 * past {@link #CAPACITY} the oldest decided requests are forgotten (a dapp polls within seconds),
 * and if all are still pending the oldest is forgotten anyway, so a page cannot exhaust memory.
 */
final class TrackedRequests {
  /** Far more than a user can answer in the 5 minutes a prompt stays open. */
  static final int CAPACITY = 10_000;

  private final Map<String, TrackedRequest> byId = new LinkedHashMap<>();

  synchronized void add(TrackedRequest request) {
    byId.put(request.request().id(), request);
    if (byId.size() > CAPACITY) {
      Iterator<TrackedRequest> oldest = byId.values().iterator();
      boolean removed = false;
      while (oldest.hasNext() && !removed) {
        if (oldest.next().outcome().isDone()) {
          oldest.remove();
          removed = true;
        }
      }
      if (!removed) {
        byId.remove(byId.keySet().iterator().next());
      }
    }
  }

  synchronized Optional<TrackedRequest> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
