package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import java.util.ArrayList;
import java.util.List;

/**
 * A Feldman commitment to a polynomial: its coefficients times the generator, constant term
 * first. Public.
 *
 * @param <E> the group element type
 * @param points the committed coefficients, at least one
 */
public record FeldmanCommitment<E>(List<E> points) {
  /** Copies the list and rejects an empty one. */
  public FeldmanCommitment {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a commitment has at least one point");
    }
    points = List.copyOf(points);
  }

  /** The commitment to the constant term, f(0)*G. */
  public E constant() {
    return points.get(0);
  }

  /** f(x)*G = sum_k C_k * x^k, in one multi-scalar multiplication (the powers of x are small). */
  public <S> E evaluate(PrimeOrderGroup<S, E> group, ParticipantId x) {
    S xs = group.scalarOf(x.value());
    List<S> powers = new ArrayList<>(points.size());
    S power = group.scalarOf(1);
    for (int i = 0; i < points.size(); i++) {
      powers.add(power);
      power = group.multiply(power, xs);
    }
    return group.sumOfScaled(points, powers);
  }

  /** The coefficient-wise sum with another commitment of the same length. */
  public FeldmanCommitment<E> plus(PrimeOrderGroup<?, E> group, FeldmanCommitment<E> other) {
    if (other.points.size() != points.size()) {
      throw new IllegalArgumentException("commitments of different degree");
    }
    List<E> sum = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      sum.add(group.addElements(points.get(i), other.points.get(i)));
    }
    return new FeldmanCommitment<>(sum);
  }

  /** Canonical bytes: every point in order. */
  public byte[] encode(PrimeOrderGroup<?, E> group) {
    byte[] out = new byte[points.size() * group.elementLength()];
    for (int i = 0; i < points.size(); i++) {
      byte[] p = group.encodeElement(points.get(i));
      System.arraycopy(p, 0, out, i * p.length, p.length);
    }
    return out;
  }
}
