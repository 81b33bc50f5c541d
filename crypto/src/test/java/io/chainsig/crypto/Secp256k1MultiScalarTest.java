package io.chainsig.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1MultiScalarTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A scalar of one of the shapes the protocols use: full size, small, small negative, 0. */
  private static Secp256k1Scalar scalar(Random shape) {
    return switch (shape.nextInt(4)) {
      case 0 -> Secp256k1Scalar.random(RANDOM);
      case 1 -> Secp256k1Scalar.of(shape.nextInt(1000));
      case 2 -> Secp256k1Scalar.of(1 + shape.nextInt(1000)).negate();
      default -> Secp256k1Scalar.ZERO;
    };
  }

  /** A point: random, the generator, the identity, or one already in the list (reused object). */
  private static Secp256k1Point point(Random shape, List<Secp256k1Point> earlier) {
    return switch (shape.nextInt(4)) {
      case 0 -> Secp256k1Scalar.randomNonZero(RANDOM).timesGenerator();
      case 1 -> Secp256k1Point.GENERATOR;
      case 2 -> Secp256k1Point.IDENTITY;
      default -> earlier.isEmpty() ? Secp256k1Point.GENERATOR : earlier.get(shape.nextInt(earlier.size()));
    };
  }

  @Test
  void equalsTheSumOfSeparateMultiplications() {
    qt().withExamples(60)
        .forAll(integers().between(1, 8), longs().all())
        .checkAssert((n, seed) -> {
          Random shape = new Random(seed);
          List<Secp256k1Point> points = new ArrayList<>();
          List<Secp256k1Scalar> scalars = new ArrayList<>();
          Secp256k1Point expected = Secp256k1Point.IDENTITY;
          for (int i = 0; i < n; i++) {
            Secp256k1Point p = point(shape, points);
            Secp256k1Scalar k = scalar(shape);
            points.add(p);
            scalars.add(k);
            expected = expected.add(p.multiply(k));
          }
          assertThat(Secp256k1MultiScalar.sum(points, scalars)).isEqualTo(expected);
          // Twice with the same point objects: cached tables give the same result.
          assertThat(Secp256k1MultiScalar.sum(points, scalars)).isEqualTo(expected);
        });
  }

  @Test
  void smallSignedCombinationsCancelExactly() {
    Secp256k1Point p = Secp256k1Scalar.random(RANDOM).timesGenerator();
    Secp256k1Point twice = p.add(p);
    Secp256k1Point thrice = twice.add(p);
    // 3*P - 3*(2P) + 3P = 0 and -(2P) + 2*P = 0, with scalars n-3 and n-1.
    assertThat(
            Secp256k1MultiScalar.sum(
                List.of(p, twice, thrice),
                List.of(Secp256k1Scalar.of(3), Secp256k1Scalar.of(3).negate(), Secp256k1Scalar.ONE)))
        .isEqualTo(Secp256k1Point.IDENTITY);
    assertThat(
            Secp256k1MultiScalar.sum(
                List.of(twice, p), List.of(Secp256k1Scalar.ONE.negate(), Secp256k1Scalar.of(2))))
        .isEqualTo(Secp256k1Point.IDENTITY);
  }

  @Test
  void refusesMismatchedOrEmptyLists() {
    assertThatThrownBy(() -> Secp256k1MultiScalar.sum(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Secp256k1MultiScalar.sum(List.of(Secp256k1Point.GENERATOR), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
