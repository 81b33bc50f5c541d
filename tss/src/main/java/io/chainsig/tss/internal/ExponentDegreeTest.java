package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A test, prepared once for fixed participants {@code x_1 < ... < x_m}, that group elements {@code
 * Y_j = f(x_j)*G} lie on one polynomial f of degree at most t. It accepts exactly the vectors of
 * the Reed-Solomon code, i.e. those orthogonal to every word of its dual code {@code {(v_j g(x_j))
 * : deg g <= m - t - 2}} with {@code v_j = 1 / prod_{k != j} (x_j - x_k)}. Two ways to check that,
 * and {@link #prepare} picks the one with fewer estimated group operations:
 *
 * <ul>
 *   <li><b>Windows</b> (exact): for each run of t+2 neighbouring participants {@code y_0 < ... <
 *       y_{t+1}} the divided difference {@code sum_i Y_{y_i} / prod_{k != i} (y_i - y_k)} is the
 *       identity when the points lie on a degree-t polynomial. Scaled by one integer per window
 *       these weights are small integers (the binomial coefficients with alternating signs for
 *       consecutive ids). The {@code m - t - 1} windows are a basis of the dual code (window j is
 *       the only one reaching the j-th participant from the left), so passing all of them is
 *       equivalent to having degree at most t: no error probability. Each window is one
 *       multi-scalar multiplication with small scalars, far cheaper than full-size ones.
 *   <li><b>Random dual codeword</b>: {@code sum_j v_j g(x_j) Y_j} for a random g; one m-point
 *       multi-scalar multiplication with full-size scalars, wrongly accepting a bad vector with
 *       probability 1/q. Used when the ids are so far apart that the window weights are large.
 * </ul>
 *
 * @param <S> the scalar type
 * @param <E> the group element type
 */
public final class ExponentDegreeTest<S, E> {
  /** How the test checks; fixed when it is prepared. */
  enum Method {
    WINDOWS,
    RANDOM_DUAL_CODEWORD
  }

  /** Window weights above this many bits never pay (one costs more than the random test). */
  private static final int MAX_WINDOW_WEIGHT_BITS = 128;

  private final PrimeOrderGroup<S, E> group;
  private final List<ParticipantId> ids;
  private final int degree;
  private final Method method;
  private final List<List<S>> windowWeights;
  private final List<S> dualWeights;

  private ExponentDegreeTest(
      PrimeOrderGroup<S, E> group,
      List<ParticipantId> ids,
      int degree,
      Method method,
      List<List<S>> windowWeights,
      List<S> dualWeights) {
    this.group = group;
    this.ids = ids;
    this.degree = degree;
    this.method = method;
    this.windowWeights = windowWeights;
    this.dualWeights = dualWeights;
  }

  /**
   * The test for points at the given (distinct) participants and polynomials of degree at most
   * {@code degree}.
   */
  public static <S, E> ExponentDegreeTest<S, E> prepare(
      PrimeOrderGroup<S, E> group, Collection<ParticipantId> participants, int degree) {
    return prepare(group, participants, degree, null);
  }

  /** As {@link #prepare(PrimeOrderGroup, Collection, int)}; a non-null {@code forced} fixes it. */
  static <S, E> ExponentDegreeTest<S, E> prepare(
      PrimeOrderGroup<S, E> group,
      Collection<ParticipantId> participants,
      int degree,
      Method forced) {
    List<ParticipantId> ids = new ArrayList<>(participants);
    ids.sort(null);
    ids = List.copyOf(ids);
    int m = ids.size();
    if (m - degree - 2 < 0) {
      // No redundancy: every vector lies on some polynomial of degree at most `degree`.
      return new ExponentDegreeTest<>(group, ids, degree, Method.WINDOWS, List.of(), List.of());
    }
    List<List<BigInteger>> windows = integerWindowWeights(ids, degree);
    Method method = forced != null ? forced : cheaper(windows, m);
    if (method == Method.WINDOWS) {
      List<List<S>> weights = new ArrayList<>(windows.size());
      for (List<BigInteger> w : windows) {
        List<S> scalars = new ArrayList<>(w.size());
        for (BigInteger a : w) {
          scalars.add(scalarOf(group, a));
        }
        weights.add(List.copyOf(scalars));
      }
      return new ExponentDegreeTest<>(group, ids, degree, method, List.copyOf(weights), null);
    }
    return new ExponentDegreeTest<>(group, ids, degree, method, null, dualWeights(group, ids));
  }

  /** The method in use (for tests). */
  Method method() {
    return method;
  }

  /** The scalar weights of each window, first window first (empty for the random method). */
  List<List<S>> windowWeights() {
    return windowWeights == null ? List.of() : windowWeights;
  }

  /**
   * True if the points lie on one polynomial of degree at most the prepared degree ({@code random}
   * is only used by the random-codeword method).
   *
   * @throws IllegalArgumentException if the points are not at exactly the prepared participants
   */
  public boolean accepts(Map<ParticipantId, E> points, SecureRandom random) {
    if (points.size() != ids.size() || !points.keySet().containsAll(ids)) {
      throw new IllegalArgumentException("points are not at the prepared participants " + ids);
    }
    if (method == Method.WINDOWS) {
      int width = degree + 2;
      for (int start = 0; start < windowWeights.size(); start++) {
        List<E> elements = new ArrayList<>(width);
        for (int i = start; i < start + width; i++) {
          elements.add(points.get(ids.get(i)));
        }
        if (!group.isIdentity(group.sumOfScaled(elements, windowWeights.get(start)))) {
          return false;
        }
      }
      return true;
    }
    int gDegree = ids.size() - degree - 2;
    List<S> g = new ArrayList<>(gDegree + 1);
    for (int i = 0; i <= gDegree; i++) {
      g.add(group.randomScalar(random));
    }
    List<E> elements = new ArrayList<>(ids.size());
    List<S> weights = new ArrayList<>(ids.size());
    for (int j = 0; j < ids.size(); j++) {
      S x = group.scalarOf(ids.get(j).value());
      S gx = g.get(gDegree);
      for (int i = gDegree - 1; i >= 0; i--) {
        gx = group.add(group.multiply(gx, x), g.get(i));
      }
      elements.add(points.get(ids.get(j)));
      weights.add(group.multiply(gx, dualWeights.get(j)));
    }
    return group.isIdentity(group.sumOfScaled(elements, weights));
  }

  /**
   * For each window of {@code degree + 2} neighbouring ids, integers proportional to {@code 1 /
   * prod_{k != i} (y_i - y_k)}: {@code L / prod_{k != i} (y_i - y_k)} with L the least common
   * multiple of the products, divided by the weights' greatest common divisor.
   */
  private static List<List<BigInteger>> integerWindowWeights(List<ParticipantId> ids, int degree) {
    int width = degree + 2;
    List<List<BigInteger>> out = new ArrayList<>();
    for (int start = 0; start + width <= ids.size(); start++) {
      BigInteger[] products = new BigInteger[width];
      BigInteger lcm = BigInteger.ONE;
      for (int i = 0; i < width; i++) {
        long yi = ids.get(start + i).value();
        BigInteger p = BigInteger.ONE;
        for (int k = 0; k < width; k++) {
          if (k != i) {
            p = p.multiply(BigInteger.valueOf(yi - ids.get(start + k).value()));
          }
        }
        products[i] = p;
        BigInteger abs = p.abs();
        lcm = lcm.divide(lcm.gcd(abs)).multiply(abs);
      }
      BigInteger[] weights = new BigInteger[width];
      BigInteger gcd = BigInteger.ZERO;
      for (int i = 0; i < width; i++) {
        weights[i] = lcm.divide(products[i]);
        gcd = gcd.gcd(weights[i]);
      }
      List<BigInteger> w = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        w.add(weights[i].divide(gcd));
      }
      out.add(List.copyOf(w));
    }
    return out;
  }

  /**
   * The method with fewer estimated group operations. A window costs about as many doublings as
   * its largest weight has bits, plus about bits/4 + 2 additions per point (window NAF, table);
   * the random codeword about 128 doublings and 50 additions per point (GLV halves of full-size
   * scalars, width-5 tables).
   */
  private static Method cheaper(List<List<BigInteger>> windows, int m) {
    long windowCost = 0;
    for (List<BigInteger> w : windows) {
      int maxBits = 0;
      for (BigInteger a : w) {
        int bits = a.abs().bitLength();
        if (bits > MAX_WINDOW_WEIGHT_BITS) {
          return Method.RANDOM_DUAL_CODEWORD;
        }
        maxBits = Math.max(maxBits, bits);
        windowCost += bits / 4 + 2;
      }
      windowCost += maxBits;
    }
    long randomCost = 128 + 50L * m;
    return windowCost <= randomCost ? Method.WINDOWS : Method.RANDOM_DUAL_CODEWORD;
  }

  /** {@code v_j = 1 / prod_{k != j} (x_j - x_k)}, all with one inversion. */
  private static <S> List<S> dualWeights(PrimeOrderGroup<S, ?> group, List<ParticipantId> ids) {
    List<S> denominators = new ArrayList<>(ids.size());
    for (ParticipantId xj : ids) {
      S x = group.scalarOf(xj.value());
      S denominator = group.scalarOf(1);
      for (ParticipantId xk : ids) {
        if (!xk.equals(xj)) {
          denominator = group.multiply(denominator, group.subtract(x, group.scalarOf(xk.value())));
        }
      }
      denominators.add(denominator);
    }
    return BatchInversion.invertAll(group, denominators);
  }

  /** An integer as a scalar, by Horner's rule in base 2^31 (scalarOf takes small values only). */
  private static <S> S scalarOf(PrimeOrderGroup<S, ?> group, BigInteger a) {
    BigInteger magnitude = a.abs();
    S base = group.scalarOf(1L << 31);
    S s = group.scalarOf(0);
    for (int shift = (magnitude.bitLength() / 31) * 31; shift >= 0; shift -= 31) {
      long digit = magnitude.shiftRight(shift).longValue() & 0x7fffffffL;
      s = group.add(group.multiply(s, base), group.scalarOf(digit));
    }
    return a.signum() < 0 ? group.subtract(group.scalarOf(0), s) : s;
  }
}
