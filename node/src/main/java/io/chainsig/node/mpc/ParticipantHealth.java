package io.chainsig.node.mpc;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolAbortException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one node has seen of the other participants' protocol behaviour, and whom it therefore
 * leaves out of new signer sets for a while (docs/node.md step 12). Single-threaded: the engine
 * calls it from its own thread; only the metric gauge is read from elsewhere.
 *
 * <p>The rule, per protocol (presign and sign are counted apart, so a participant that only spoils
 * signature shares is not cleared by its good presign runs):
 *
 * <ol>
 *   <li>an abort that proves a participant misbehaved excludes it at once;
 *   <li>an abort that names suspects without proof counts one failure against each suspect;
 *   <li>an abort that names nobody counts one failure against every other member of the set,
 *       unless the set holds a participant that is excluded already (then it counts against the
 *       excluded one only: the failure is explained);
 *   <li>a session of the protocol that completes clears the failures of every member of its set;
 *   <li>failures older than {@link Policy#window()} are forgotten;
 *   <li>a participant with {@link Policy#failuresToExclude()} failures standing is excluded for
 *       {@link Policy#exclusion()} (after which it starts again from zero) — unless another
 *       participant was counted in every one of those failed sessions too: then the evidence
 *       cannot tell the two apart, and the decision waits for a failure that one of them is not
 *       in.
 * </ol>
 *
 * <p>A culprit that spoils every session it is in is in every failed session, so it is never
 * covered by an honest participant, while an honest participant is covered by it (or cleared by a
 * session without it). So the culprit is excluded, and the honest participants are not. {@link
 * #avoid} never lets exclusions leave fewer than a full signer set.
 */
public final class ParticipantHealth {
  private static final Logger LOG = LoggerFactory.getLogger(ParticipantHealth.class);

  /**
   * The numbers of the rule.
   *
   * @param failuresToExclude standing failures that exclude a participant (at least 1)
   * @param window how long a failure stands (positive)
   * @param exclusion how long an exclusion lasts (positive)
   */
  public record Policy(int failuresToExclude, Duration window, Duration exclusion) {
    /** Three failures within ten minutes exclude for five minutes. */
    public static final Policy DEFAULT = new Policy(3, Duration.ofMinutes(10), Duration.ofMinutes(5));

    /** Validates. */
    public Policy {
      if (failuresToExclude < 1) {
        throw new IllegalArgumentException("failuresToExclude must be at least 1, got " + failuresToExclude);
      }
      if (window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive, got " + window);
      }
      if (exclusion == null || exclusion.isNegative() || exclusion.isZero()) {
        throw new IllegalArgumentException("exclusion must be positive, got " + exclusion);
      }
    }
  }

  private final ParticipantId me;
  private final Policy policy;
  private final LongSupplier nanoTime;
  private final MeterRegistry metrics;
  private final Map<ParticipantId, Map<String, Deque<Failure>>> failures = new HashMap<>();
  private final Map<ParticipantId, Long> excludedUntil = new HashMap<>();
  private final AtomicInteger excludedGauge = new AtomicInteger();
  private Set<ParticipantId> fallback = Set.of();
  private long aborts;

  /** One failed session counted against a participant: which abort, and when. */
  private record Failure(long abort, long at) {}

  /**
   * A record kept by {@code me} (never counted against itself).
   *
   * @param me this node
   * @param policy the rule's numbers
   * @param nanoTime the clock
   * @param metrics where {@code chainsig_excluded_participants} and {@code
   *     chainsig_exclusions_total{participant}} go
   */
  public ParticipantHealth(ParticipantId me, Policy policy, LongSupplier nanoTime, MeterRegistry metrics) {
    this.me = me;
    this.policy = policy;
    this.nanoTime = nanoTime;
    this.metrics = metrics;
    metrics.gauge("chainsig_excluded_participants", excludedGauge);
  }

  /** Rule 4: a session of {@code protocol} with {@code set} completed. */
  public void succeeded(String protocol, ParticipantSet set) {
    for (ParticipantId p : set.others(me)) {
      Map<String, Deque<Failure>> f = failures.get(p);
      if (f != null) {
        f.remove(protocol);
      }
    }
  }

  /**
   * Rules 1-3, 5 and 6: a session of {@code protocol} with {@code set} aborted (not timed out).
   *
   * @return what the abort counted, for its log line (e.g. {@code "failures: P2=1/3, P4=3/3"})
   */
  public String aborted(String protocol, ParticipantSet set, ProtocolAbortException e) {
    long now = nanoTime.getAsLong();
    expire(now);
    if (e.culprit().isPresent()) {
      ParticipantId culprit = e.culprit().get();
      if (culprit.equals(me)) {
        return "";
      }
      exclude(culprit, now, "it was proven to misbehave in " + protocol + " (" + e.getMessage() + ")");
      return "participant " + culprit + " excluded";
    }
    List<ParticipantId> charged = new ArrayList<>();
    if (!e.blamed().isEmpty()) {
      charged.addAll(e.blamed());
    } else {
      for (ParticipantId p : set.others(me)) {
        if (excludedUntil.containsKey(p)) {
          charged.add(p);
        }
      }
      if (charged.isEmpty()) {
        charged.addAll(set.others(me));
      }
    }
    charged.remove(me);
    Failure failure = new Failure(++aborts, now);
    StringJoiner counts = new StringJoiner(", ", "failures: ", "").setEmptyValue("nothing counted");
    for (ParticipantId p : charged) {
      standing(p, protocol).addLast(failure);
      counts.add(p + "=" + standing(p, protocol).size() + "/" + policy.failuresToExclude());
    }
    for (ParticipantId p : charged) {
      int standing = standing(p, protocol).size();
      if (standing >= policy.failuresToExclude() && !excludedUntil.containsKey(p) && !covered(p, protocol)) {
        exclude(p, now, standing + " " + protocol + " sessions with it failed within "
            + policy.window().toSeconds() + " s, none completed since, and no other participant was in all of them");
      }
    }
    return counts.toString();
  }

  private Deque<Failure> standing(ParticipantId p, String protocol) {
    return failures.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(protocol, k -> new ArrayDeque<>());
  }

  /** Rule 6: another participant was counted in every failure standing against {@code p}. */
  private boolean covered(ParticipantId p, String protocol) {
    Deque<Failure> mine = standing(p, protocol);
    for (Map.Entry<ParticipantId, Map<String, Deque<Failure>>> other : failures.entrySet()) {
      Deque<Failure> theirs = other.getValue().get(protocol);
      if (!other.getKey().equals(p) && theirs != null && theirs.size() >= mine.size() && theirs.containsAll(mine)) {
        return true;
      }
    }
    return false;
  }

  /** The participants excluded now, in ascending order. */
  public Set<ParticipantId> excluded() {
    expire(nanoTime.getAsLong());
    return new TreeSet<>(excludedUntil.keySet());
  }

  /**
   * The participants to leave out of a new signer set of {@code needed} members drawn from {@code
   * live} (this node and the participants it reaches): every excluded one, unless that leaves fewer
   * than {@code needed}; then the excluded ones whose exclusion ends first are let back in, as many
   * as are missing, and a warning says so.
   */
  public Set<ParticipantId> avoid(Collection<ParticipantId> live, int needed) {
    Set<ParticipantId> avoid = excluded();
    List<ParticipantId> excludedLive = new ArrayList<>();
    for (ParticipantId p : live) {
      if (avoid.contains(p)) {
        excludedLive.add(p);
      }
    }
    int missing = needed - (live.size() - excludedLive.size());
    if (missing <= 0 || excludedLive.isEmpty()) {
      fallback = Set.of();
      return avoid;
    }
    excludedLive.sort(Comparator.comparing((ParticipantId p) -> excludedUntil.get(p)).thenComparing(p -> p));
    Set<ParticipantId> back = new TreeSet<>(excludedLive.subList(0, Math.min(missing, excludedLive.size())));
    avoid.removeAll(back);
    if (!back.equals(fallback)) {
      LOG.warn("only {} reachable participants are not excluded and a signer set needs {}: using excluded participant(s) {} again",
          live.size() - excludedLive.size(), needed, back);
      fallback = back;
    }
    return avoid;
  }

  /** Failures standing against {@code p} in {@code protocol} (tests and logs). */
  int failures(ParticipantId p, String protocol) {
    Map<String, Deque<Failure>> f = failures.get(p);
    return f == null || !f.containsKey(protocol) ? 0 : f.get(protocol).size();
  }

  private void exclude(ParticipantId p, long now, String why) {
    excludedUntil.put(p, now + policy.exclusion().toNanos());
    excludedGauge.set(excludedUntil.size());
    metrics.counter("chainsig_exclusions_total", "participant", String.valueOf(p.value())).increment();
    LOG.warn("participant {} excluded from new signer sets for {} s: {}", p, policy.exclusion().toSeconds(), why);
  }

  private void expire(long now) {
    Iterator<Map.Entry<ParticipantId, Long>> it = excludedUntil.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<ParticipantId, Long> e = it.next();
      if (now - e.getValue() >= 0) {
        it.remove();
        failures.remove(e.getKey());
        LOG.info("participant {} is no longer excluded from new signer sets", e.getKey());
      }
    }
    excludedGauge.set(excludedUntil.size());
    long horizon = now - policy.window().toNanos();
    for (Map<String, Deque<Failure>> byProtocol : failures.values()) {
      for (Deque<Failure> f : byProtocol.values()) {
        while (!f.isEmpty() && f.peekFirst().at() - horizon < 0) {
          f.removeFirst();
        }
      }
    }
  }
}
