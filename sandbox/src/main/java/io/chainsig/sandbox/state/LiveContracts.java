package io.chainsig.sandbox.state;

import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded signer contracts kept alive between calls, so a call or view on an unchanged state does
 * not decode the whole state again. Each contract object is kept with the exact {@link
 * ContractState} instance it was decoded from or encoded to, and is used only while the account
 * still holds that instance: after a rollback, a reopen or any change not made through here the
 * identity check fails and the state is decoded afresh. A change call {@link #take}s the object out
 * (so a call that fails half-way leaves nothing behind) and {@link #keep}s it with its new encoding.
 *
 * <p>View results are cached per (state, method, arguments): readers of the same view between two
 * changes share one result, and a view whose value did not change with the state keeps its result.
 *
 * <p>Not thread-safe: the chain calls it under its monitor.
 */
public final class LiveContracts {
  /** Distinct (method, arguments) results kept per contract account, least recently used dropped. */
  static final int MAX_VIEWS_PER_CONTRACT = 32;

  private final Map<String, Live> live = new HashMap<>();

  /** One account's decoded contract (null while a call owns it) and its view results. */
  private static final class Live {
    ContractState state;
    SignerContract contract;
    final Map<ViewKey, CachedView> views = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ViewKey, CachedView> eldest) {
        return size() > MAX_VIEWS_PER_CONTRACT;
      }
    };
  }

  /** A view's method and arguments (the bytes as Latin-1 characters, one per byte). */
  private record ViewKey(String method, String args) {}

  /** The last result of a view and the state it was computed on. */
  private record CachedView(ContractState state, ViewResult result) {}

  /**
   * Takes the contract decoded from {@code state}: the kept object if it belongs to exactly this
   * instance, else a fresh decode. The caller owns the object; it is kept again only through
   * {@link #keep}.
   */
  public SignerContract take(String account, ContractState state) {
    Live l = live.get(account);
    if (l != null && l.contract != null && l.state == state) {
      SignerContract c = l.contract;
      l.contract = null;
      return c;
    }
    if (l != null) {
      l.contract = null;
    }
    return state.decode();
  }

  /** Keeps {@code contract} as the decoded form of {@code state}, the account's state from now on. */
  public void keep(String account, ContractState state, SignerContract contract) {
    Live l = live.computeIfAbsent(account, a -> new Live());
    l.state = state;
    l.contract = contract;
  }

  /**
   * A view call on {@code state}, the account's current state: the cached result if this view was
   * computed on this very state, else computed now (errors are thrown, not cached).
   *
   * @throws io.chainsig.contract.ContractException and the other exceptions of {@link
   *     SignerContractAbi#view}
   */
  public ViewResult view(String account, ContractState state, String method, byte[] args) {
    Live l = live.computeIfAbsent(account, a -> new Live());
    ViewKey key = new ViewKey(method, new String(args, StandardCharsets.ISO_8859_1));
    CachedView cached = l.views.get(key);
    if (cached != null && cached.state() == state) {
      return cached.result();
    }
    if (l.contract == null || l.state != state) {
      l.contract = state.decode();
      l.state = state;
    }
    byte[] value = SignerContractAbi.view(l.contract, method, args);
    ViewResult result = cached != null && cached.result().hasValue(value) ? cached.result() : new ViewResult(value);
    l.views.put(key, new CachedView(state, result));
    return result;
  }
}
