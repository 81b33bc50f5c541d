package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Interpolation "in the exponent": given points {@code Y_j = f(j)*G} for the participants j,
 * decide whether f has degree at most t ({@link ExponentDegreeTest}), and evaluate it at 0.
 */
public final class ExponentInterpolation {
  private ExponentInterpolation() {}

  /**
   * True if the points lie on one polynomial of degree at most {@code degree}. With no redundancy
   * ({@code points.size() <= degree + 1}) every vector passes. Prepares the test each call; use
   * {@link ExponentDegreeTest} directly to test the same participants repeatedly.
   */
  public static <S, E> boolean hasDegreeAtMost(
      PrimeOrderGroup<S, E> group, Map<ParticipantId, E> points, int degree, SecureRandom random) {
    return ExponentDegreeTest.prepare(group, points.keySet(), degree).accepts(points, random);
  }

  /**
   * When the points do not lie on a degree-{@code degree} polynomial, the one participant whose
   * removal makes the rest consistent, if exactly one does (needs at least two redundant points
   * to say anything).
   */
  public static <S, E> Optional<ParticipantId> singleOutlier(
      PrimeOrderGroup<S, E> group, Map<ParticipantId, E> points, int degree, SecureRandom random) {
    if (points.size() - 1 <= degree + 1) {
      return Optional.empty();
    }
    List<ParticipantId> suspects = new ArrayList<>();
    for (ParticipantId candidate : points.keySet()) {
      Map<ParticipantId, E> rest = new java.util.LinkedHashMap<>(points);
      rest.remove(candidate);
      if (hasDegreeAtMost(group, rest, degree, random)) {
        suspects.add(candidate);
      }
    }
    return suspects.size() == 1 ? Optional.of(suspects.get(0)) : Optional.empty();
  }

  /** f(0)*G from the points of the first {@code degree + 1} participants (in map order). */
  public static <S, E> E atZero(
      PrimeOrderGroup<S, E> group, Map<ParticipantId, E> points, int degree) {
    ParticipantSet from = ParticipantSet.of(List.copyOf(points.keySet()).subList(0, degree + 1));
    return atZero(group, points, from, from.lagrangeCoefficientsAtZero(group));
  }

  /**
   * f(0)*G from the points of the participants in {@code from}, with their Lagrange coefficients
   * ({@link ParticipantSet#lagrangeCoefficientsAtZero}) computed beforehand.
   */
  public static <S, E> E atZero(
      PrimeOrderGroup<S, E> group,
      Map<ParticipantId, E> points,
      ParticipantSet from,
      List<S> lagrange) {
    List<E> elements = new ArrayList<>(from.size());
    for (ParticipantId j : from.ids()) {
      elements.add(points.get(j));
    }
    return group.sumOfScaled(elements, lagrange);
  }
}
