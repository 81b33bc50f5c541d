package io.chainsig.tss;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.internal.BatchInversion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A non-empty set of distinct participants, kept in ascending id order so that every party sees
 * the same order and the same encoding.
 */
public final class ParticipantSet {
  /**
   * Most participants in one run. Messages carry per-participant vectors (echoes, commitments), and
   * this bound keeps every message under {@code MessageCodec.MAX_MESSAGE_BYTES}.
   */
  public static final int MAX_PARTICIPANTS = 1024;

  private final List<ParticipantId> ids;

  private ParticipantSet(List<ParticipantId> sortedDistinct) {
    this.ids = sortedDistinct;
  }

  /**
   * The set of the given participants.
   *
   * @throws ProtocolSetupException if the list is empty, too long, has nulls or duplicates
   */
  public static ParticipantSet of(Collection<ParticipantId> participants) {
    if (participants == null || participants.isEmpty()) {
      throw new ProtocolSetupException("participant list is empty");
    }
    if (participants.size() > MAX_PARTICIPANTS) {
      throw new ProtocolSetupException("more than " + MAX_PARTICIPANTS + " participants");
    }
    Set<ParticipantId> seen = new HashSet<>();
    for (ParticipantId p : participants) {
      if (p == null) {
        throw new ProtocolSetupException("participant list contains null");
      }
      if (!seen.add(p)) {
        throw new ProtocolSetupException("duplicate participant " + p);
      }
    }
    List<ParticipantId> sorted = new ArrayList<>(participants);
    sorted.sort(null);
    return new ParticipantSet(List.copyOf(sorted));
  }

  /** The set {1, 2, ..., n}. */
  public static ParticipantSet ofRange(int n) {
    List<ParticipantId> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(ParticipantId.of(i));
    }
    return of(ids);
  }

  /** The set of the given ids. */
  public static ParticipantSet ofIds(int... ids) {
    List<ParticipantId> list = new ArrayList<>();
    for (int id : ids) {
      list.add(ParticipantId.of(id));
    }
    return of(list);
  }

  /** Participants in ascending order. */
  public List<ParticipantId> ids() {
    return ids;
  }

  /** Number of participants. */
  public int size() {
    return ids.size();
  }

  /** True if {@code p} is a member. */
  public boolean contains(ParticipantId p) {
    return ids.contains(p);
  }

  /** True if every member is also in {@code other}. */
  public boolean isSubsetOf(ParticipantSet other) {
    return other.ids.containsAll(ids);
  }

  /** Position of {@code p} in ascending order. */
  public int indexOf(ParticipantId p) {
    int i = ids.indexOf(p);
    if (i < 0) {
      throw new IllegalArgumentException(p + " is not a participant");
    }
    return i;
  }

  /** Members other than {@code me}. */
  public List<ParticipantId> others(ParticipantId me) {
    return ids.stream().filter(p -> !p.equals(me)).toList();
  }

  /** This set without {@code p}. */
  public ParticipantSet without(ParticipantId p) {
    return of(others(p));
  }

  /** The union with another set. */
  public ParticipantSet union(ParticipantSet other) {
    Set<ParticipantId> all = new HashSet<>(ids);
    all.addAll(other.ids);
    return of(all);
  }

  /**
   * The Lagrange coefficient of {@code p} for interpolating at 0 over this set: {@code
   * prod_{j != p} x_j / (x_j - x_p)}.
   */
  public <S> S lagrangeAtZero(PrimeOrderGroup<S, ?> group, ParticipantId p) {
    return lagrangeAtZeroDividedBy(group, p, group.scalarOf(1));
  }

  /**
   * {@link #lagrangeAtZero(PrimeOrderGroup, ParticipantId)} divided by a non-zero {@code divisor},
   * with the single inversion both need.
   *
   * @throws ArithmeticException if the divisor is zero
   */
  public <S> S lagrangeAtZeroDividedBy(PrimeOrderGroup<S, ?> group, ParticipantId p, S divisor) {
    S num = group.scalarOf(1);
    S den = divisor;
    S xp = group.scalarOf(p.value());
    boolean member = false;
    for (ParticipantId j : ids) {
      if (j.equals(p)) {
        member = true;
        continue;
      }
      S xj = group.scalarOf(j.value());
      num = group.multiply(num, xj);
      den = group.multiply(den, group.subtract(xj, xp));
    }
    if (!member) {
      throw new IllegalArgumentException(p + " is not a participant");
    }
    return group.multiply(num, group.inverse(den));
  }

  /**
   * {@link #lagrangeAtZero(PrimeOrderGroup, ParticipantId)} of every member, in {@link #ids()}
   * order, computed with a single inversion.
   */
  public <S> List<S> lagrangeCoefficientsAtZero(PrimeOrderGroup<S, ?> group) {
    int m = ids.size();
    List<S> xs = new ArrayList<>(m);
    for (ParticipantId p : ids) {
      xs.add(group.scalarOf(p.value()));
    }
    List<S> denominators = new ArrayList<>(m);
    for (int p = 0; p < m; p++) {
      S den = group.scalarOf(1);
      for (int j = 0; j < m; j++) {
        if (j != p) {
          den = group.multiply(den, group.subtract(xs.get(j), xs.get(p)));
        }
      }
      denominators.add(den);
    }
    List<S> inverses = BatchInversion.invertAll(group, denominators);
    // numerator_p = prod_{j != p} x_j, from prefix and suffix products.
    List<S> suffix = new ArrayList<>(Collections.nCopies(m + 1, group.scalarOf(1)));
    for (int j = m - 1; j >= 0; j--) {
      suffix.set(j, group.multiply(suffix.get(j + 1), xs.get(j)));
    }
    List<S> out = new ArrayList<>(m);
    S prefix = group.scalarOf(1);
    for (int p = 0; p < m; p++) {
      out.add(group.multiply(group.multiply(prefix, suffix.get(p + 1)), inverses.get(p)));
      prefix = group.multiply(prefix, xs.get(p));
    }
    return List.copyOf(out);
  }

  /** Canonical bytes for hashing: count (4 bytes) then each id (4 bytes), big-endian. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, ids.size());
    for (ParticipantId p : ids) {
      writeInt(out, p.value());
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ParticipantSet s && ids.equals(s.ids));
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    return ids.toString();
  }
}
