package io.chainsig.sandbox.state;

import io.chainsig.contract.SignerContractAbi;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * View results of the signer contracts, cached per (account, state, method, arguments): readers
 * of the same view between two changes share one result, and a view whose value did not change
 * with the state keeps its result (and the JSON form computed for it). Views run on the state's
 * shared decoded contract ({@link ContractState#readOnly()}), which no call changes.
 *
 * <p>Thread-safe: the cache is looked up and updated under this object's monitor, the view
 * itself is computed outside it, so readers of different views (or of a view that needs computing)
 * do not wait for each other. Two readers that compute the same view on the same state at once
 * both compute it; the first to finish keeps its result, which both return.
 */
public final class ContractViews {
  /** Distinct (method, arguments) results kept per contract account, least recently used dropped. */
  static final int MAX_VIEWS_PER_CONTRACT = 32;

  private final Map<String, Map<ViewKey, CachedView>> views = new HashMap<>();

  /** A view's method and arguments (the bytes as Latin-1 characters, one per byte). */
  private record ViewKey(String method, String args) {}

  /** The last result of a view and the state it was computed on. */
  private record CachedView(ContractState state, ViewResult result) {}

  private static Map<ViewKey, CachedView> lruMap() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ViewKey, CachedView> eldest) {
        return size() > MAX_VIEWS_PER_CONTRACT;
      }
    };
  }

  /**
   * A view call on {@code state}, the account's current state: the cached result if this view was
   * computed on this very state, else computed now (errors are thrown, not cached).
   *
   * @throws io.chainsig.contract.ContractException and the other exceptions of {@link
   *     SignerContractAbi#view}
   */
  public ViewResult view(String account, ContractState state, String method, byte[] args) {
    ViewKey key = new ViewKey(method, new String(args, StandardCharsets.ISO_8859_1));
    CachedView cached = cached(account, key);
    if (cached != null && cached.state() == state) {
      return cached.result();
    }
    byte[] value = SignerContractAbi.view(state.readOnly(), method, args);
    ViewResult result = cached != null && cached.result().hasValue(value) ? cached.result() : new ViewResult(value);
    return keep(account, key, new CachedView(state, result));
  }

  private synchronized CachedView cached(String account, ViewKey key) {
    return views.computeIfAbsent(account, a -> lruMap()).get(key);
  }

  /** Caches the result unless another reader cached one for the same state meanwhile; returns the kept one. */
  private synchronized ViewResult keep(String account, ViewKey key, CachedView computed) {
    Map<ViewKey, CachedView> cache = views.computeIfAbsent(account, a -> lruMap());
    CachedView now = cache.get(key);
    if (now != null && now.state() == computed.state()) {
      return now.result();
    }
    cache.put(key, computed);
    return computed.result();
  }
}
