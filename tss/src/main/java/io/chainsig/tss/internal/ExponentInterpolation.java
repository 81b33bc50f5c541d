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
 * decide whether f has degree at most t, and evaluate it at 0.
 *
 * <p>The degree test uses the dual of the Reed-Solomon code: for evaluation points x_1..x_m and
 * {@code v_j = 1 / prod_{k != j} (x_j - x_k)}, every f of degree at most t satisfies {@code
 * sum_j v_j g(x_j) f(x_j) = 0} for every g of degree at most {@code m - t - 2}. With g random the
 * test costs m scalar multiplications and wrongly accepts a bad vector with probability 1/q.
 */
public final class ExponentInterpolation {
  private ExponentInterpolation() {}

  /**
   * True if the points lie on one polynomial of degree at most {@code degree}. With no redundancy
   * ({@code points.size() <= degree + 1}) every vector passes.
   */
  public static <S, E> boolean hasDegreeAtMost(
      PrimeOrderGroup<S, E> group, Map<ParticipantId, E> points, int degree, SecureRandom random) {
    int m = points.size();
    int gDegree = m - degree - 2;
    if (gDegree < 0) {
      return true;
    }
    List<S> g = new ArrayList<>(gDegree + 1);
    for (int i = 0; i <= gDegree; i++) {
      g.add(group.randomScalar(random));
    }
    List<ParticipantId> xs = List.copyOf(points.keySet());
    List<E> elements = new ArrayList<>(m);
    List<S> weights = new ArrayList<>(m);
    for (ParticipantId xj : xs) {
      S x = group.scalarOf(xj.value());
      S denominator = group.scalarOf(1);
      for (ParticipantId xk : xs) {
        if (!xk.equals(xj)) {
          denominator = group.multiply(denominator, group.subtract(x, group.scalarOf(xk.value())));
        }
      }
      S gx = g.get(gDegree);
      for (int i = gDegree - 1; i >= 0; i--) {
        gx = group.add(group.multiply(gx, x), g.get(i));
      }
      elements.add(points.get(xj));
      weights.add(group.multiply(gx, group.inverse(denominator)));
    }
    return group.isIdentity(group.sumOfScaled(elements, weights));
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

  /** f(0)*G from the points of the first {@code degree + 1} participants. */
  public static <S, E> E atZero(PrimeOrderGroup<S, E> group, Map<ParticipantId, E> points, int degree) {
    List<ParticipantId> use = List.copyOf(points.keySet()).subList(0, degree + 1);
    ParticipantSet set = ParticipantSet.of(use);
    List<E> elements = new ArrayList<>(use.size());
    List<S> lambdas = new ArrayList<>(use.size());
    for (ParticipantId j : use) {
      elements.add(points.get(j));
      lambdas.add(set.lagrangeAtZero(group, j));
    }
    return group.sumOfScaled(elements, lambdas);
  }
}
