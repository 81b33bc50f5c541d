package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A secret polynomial over the scalars, coefficients in ascending order (index 0 is the constant
 * term). {@link #toString()} does not print coefficients.
 *
 * @param <S> the scalar type
 */
public final class Polynomial<S> {
  private final PrimeOrderGroup<S, ?> group;
  private final List<S> coefficients;

  private Polynomial(PrimeOrderGroup<S, ?> group, List<S> coefficients) {
    this.group = group;
    this.coefficients = coefficients;
  }

  /** A random polynomial of the given degree with the given constant term. */
  public static <S> Polynomial<S> random(
      PrimeOrderGroup<S, ?> group, int degree, S constant, SecureRandom random) {
    List<S> c = new ArrayList<>(degree + 1);
    c.add(constant);
    for (int i = 1; i <= degree; i++) {
      c.add(group.randomScalar(random));
    }
    return new Polynomial<>(group, List.copyOf(c));
  }

  /** The constant term f(0). */
  public S constant() {
    return coefficients.get(0);
  }

  /** The degree bound (number of coefficients minus one). */
  public int degree() {
    return coefficients.size() - 1;
  }

  /** f(x) at a participant's id, by Horner's rule. */
  public S evaluate(ParticipantId x) {
    S xs = group.scalarOf(x.value());
    S acc = coefficients.get(coefficients.size() - 1);
    for (int i = coefficients.size() - 2; i >= 0; i--) {
      acc = group.add(group.multiply(acc, xs), coefficients.get(i));
    }
    return acc;
  }

  /** The Feldman commitment: each coefficient times the generator. */
  public <E> FeldmanCommitment<E> commit(PrimeOrderGroup<S, E> g) {
    List<E> points = new ArrayList<>(coefficients.size());
    for (S c : coefficients) {
      points.add(g.generatorTimes(c));
    }
    return new FeldmanCommitment<>(points);
  }

  @Override
  public String toString() {
    return "Polynomial<redacted>";
  }
}
