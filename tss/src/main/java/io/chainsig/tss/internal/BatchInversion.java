package io.chainsig.tss.internal;

import io.chainsig.crypto.group.PrimeOrderGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inverts many scalars with one inversion and about three multiplications each (Montgomery's
 * trick: invert the product, then peel off one factor at a time).
 */
public final class BatchInversion {
  private BatchInversion() {}

  /**
   * {@code 1/a} for every a, in the same order.
   *
   * @throws ArithmeticException if any value is zero
   */
  public static <S> List<S> invertAll(PrimeOrderGroup<S, ?> group, List<S> values) {
    int n = values.size();
    if (n == 0) {
      return List.of();
    }
    // prefix[i] = values[0] * ... * values[i]
    List<S> prefix = new ArrayList<>(n);
    S acc = values.get(0);
    prefix.add(acc);
    for (int i = 1; i < n; i++) {
      acc = group.multiply(acc, values.get(i));
      prefix.add(acc);
    }
    S inverse = group.inverse(acc);
    Object[] out = new Object[n];
    for (int i = n - 1; i > 0; i--) {
      out[i] = group.multiply(inverse, prefix.get(i - 1));
      inverse = group.multiply(inverse, values.get(i));
    }
    out[0] = inverse;
    @SuppressWarnings("unchecked")
    List<S> result = (List<S>) (List<?>) Arrays.asList(out);
    return List.copyOf(result);
  }
}
