package io.chainsig.sandbox.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All accounts, with a record of which changed since the last {@link #takeDirty()} (the chain
 * persists those at each block). Values are immutable, so {@link #copy()} is a cheap snapshot for
 * rolling back a failed transaction.
 */
public final class WorldState {
  private final Map<String, AccountRecord> accounts;
  private final Set<String> dirty;

  /** A state with these accounts. */
  public WorldState(Map<String, AccountRecord> accounts) {
    this.accounts = new HashMap<>(accounts);
    this.dirty = new TreeSet<>();
  }

  private WorldState(Map<String, AccountRecord> accounts, Set<String> dirty) {
    this.accounts = new HashMap<>(accounts);
    this.dirty = new TreeSet<>(dirty);
  }

  /** The account, if it exists. */
  public Optional<AccountRecord> get(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  /** Creates or replaces an account. */
  public void put(String accountId, AccountRecord record) {
    accounts.put(accountId, record);
    dirty.add(accountId);
  }

  /** Deletes an account. */
  public void remove(String accountId) {
    accounts.remove(accountId);
    dirty.add(accountId);
  }

  /** A snapshot to roll back to. */
  public WorldState copy() {
    return new WorldState(accounts, dirty);
  }

  /** Replaces this state's content with a snapshot's. */
  public void restore(WorldState snapshot) {
    accounts.clear();
    accounts.putAll(snapshot.accounts);
    dirty.clear();
    dirty.addAll(snapshot.dirty);
  }

  /** The ids changed since the last call (deleted ones included), and forgets them. */
  public Set<String> takeDirty() {
    Set<String> out = new TreeSet<>(dirty);
    dirty.clear();
    return out;
  }

  /** An unmodifiable copy of every account, for readers that must not see later changes. */
  public Map<String, AccountRecord> snapshot() {
    return Map.copyOf(accounts);
  }

  /** Account ids with the signer contract. */
  public Set<String> contractAccounts() {
    Set<String> out = new TreeSet<>();
    accounts.forEach((id, a) -> {
      if (a.hasContract()) {
        out.add(id);
      }
    });
    return out;
  }
}
