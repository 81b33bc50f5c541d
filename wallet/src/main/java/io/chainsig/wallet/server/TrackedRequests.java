package io.chainsig.wallet.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The requests of this run by id, for the dapp's polling and the consent page's answer. */
final class TrackedRequests {
  private final Map<String, TrackedRequest> byId = new ConcurrentHashMap<>();

  void add(TrackedRequest request) {
    byId.put(request.request().id(), request);
  }

  Optional<TrackedRequest> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
