package io.chainsig.node.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's copy of the contract's pending requests, kept from the answers of the {@code
 * pending_requests_since} view (docs/contract.md): each answer names every pending request by its
 * short id ({@link PendingSign#shortId()}) and lists in full only those from a block height on,
 * so a reading carries the requests that are new instead of the whole list. The requests seen are
 * kept by short id; an answer's full entries replace or add to them (a request that came again
 * with another block's entropy replaces the one with the same id), and the pending list is the
 * answer's ids mapped through them, in the contract's order. Entries no longer pending are
 * dropped.
 *
 * <p>Each reading asks from one block below the highest block height seen ({@link #since()}), so
 * the requests of a block that was still open at the last reading are listed again. An answer
 * that names a request this copy does not have (the chain went back and lost the block the
 * requests were seen in, or the node never saw an older request), or that does not list a request
 * kept from the asked height on, yields nothing: the caller then reads from block 0, which
 * replaces the copy with the full list. A chain that goes back further than the asked height and
 * takes in again only requests kept from below it, with other entropy, is not noticed: the
 * sandbox loses at most its open block, and NEAR's final blocks are never undone.
 *
 * <p>No I/O. Not thread-safe: {@link RpcContractGateway} takes answers under one lock.
 */
final class PendingFeed {
  /** The requests seen, by short id: exactly those pending at the last answer taken. */
  private Map<String, PendingSign> known = new HashMap<>();
  /** The highest block height of a request seen since the last full answer; -1 before any. */
  private long highest = -1;

  /**
   * One answer of {@code pending_requests_since}.
   *
   * @param pending the short ids of all pending requests, oldest first
   * @param requests the pending requests from the asked block height on, oldest first
   */
  record Answer(List<String> pending, List<PendingSign> requests) {
    /** Copies. */
    Answer {
      pending = List.copyOf(pending);
      requests = List.copyOf(requests);
    }
  }

  /** The block height the next reading asks from: one below the highest seen, at least 0. */
  long since() {
    return Math.max(0, highest - 1);
  }

  /**
   * Takes the answer of a reading from block {@code since}. An answer from block 0 lists every
   * pending request: it replaces what was kept.
   *
   * @return the pending requests, oldest first, as {@code pending_requests} lists them; empty
   *     (and nothing changed) if the answer names a request neither listed in it nor kept, names
   *     one twice, lists one it does not name, or does not list one kept from block {@code
   *     since} or later (the chain went back and took that request in again at a lower height)
   */
  Optional<List<PendingSign>> take(long since, Answer answer) {
    Map<String, PendingSign> old = since == 0 ? Map.of() : known;
    Map<String, PendingSign> fresh = new HashMap<>();
    long top = since == 0 ? -1 : highest;
    for (PendingSign r : answer.requests()) {
      fresh.put(r.shortId(), r);
      top = Math.max(top, r.blockHeight());
    }
    Map<String, PendingSign> next = new HashMap<>();
    List<PendingSign> list = new ArrayList<>(answer.pending().size());
    for (String id : answer.pending()) {
      PendingSign p = fresh.get(id);
      if (p == null) {
        p = old.get(id);
        if (p != null && p.blockHeight() >= since) {
          p = null; // the chain should have listed it: its request is from a lower block now
        }
      }
      if (p == null || next.put(id, p) != null) {
        return Optional.empty();
      }
      list.add(p);
    }
    if (!next.keySet().containsAll(fresh.keySet())) {
      return Optional.empty();
    }
    known = next;
    highest = top;
    return Optional.of(list);
  }
}
