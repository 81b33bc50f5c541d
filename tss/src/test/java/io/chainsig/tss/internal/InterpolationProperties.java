package io.chainsig.tss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.SeededRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shamir sharing, Lagrange interpolation and the exponent degree test agree with each other. */
class InterpolationProperties {
  private static final Secp256k1Group G = Secp256k1Group.INSTANCE;

  /** n distinct ids drawn from 1..200 by a seeded shuffle. */
  static List<ParticipantId> ids(int n, long seed) {
    List<ParticipantId> all = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      all.add(ParticipantId.of(i));
    }
    Collections.shuffle(all, new Random(seed));
    return all.subList(0, n);
  }

  @Test
  void anyTPlusOneSharesReconstructTheConstant() {
    qt().withExamples(100)
        .forAll(integers().between(0, 8), integers().between(0, 6), longs().all())
        .checkAssert((t, extra, seed) -> {
          SeededRandom rnd = new SeededRandom(seed);
          Secp256k1Scalar secret = G.randomScalar(rnd);
          Polynomial<Secp256k1Scalar> f = Polynomial.random(G, t, secret, rnd);
          ParticipantSet set = ParticipantSet.of(ids(t + 1, seed));
          Secp256k1Scalar x = Secp256k1Scalar.ZERO;
          for (ParticipantId p : set.ids()) {
            x = x.add(set.lagrangeAtZero(G, p).multiply(f.evaluate(p)));
          }
          assertThat(x).isEqualTo(secret);
          // The Feldman commitment evaluates to f(j)*G at every id.
          ParticipantId j = ids(1, seed + extra).get(0);
          assertThat(f.commit(G).evaluate(G, j)).isEqualTo(f.evaluate(j).timesGenerator());
        });
  }

  @Test
  void allLagrangeCoefficientsAtOnceMatchTheSingleOnes() {
    qt().withExamples(50)
        .forAll(integers().between(1, 15), longs().all())
        .checkAssert((n, seed) -> {
          ParticipantSet set = ParticipantSet.of(ids(n, seed));
          List<Secp256k1Scalar> all = set.lagrangeCoefficientsAtZero(G);
          assertThat(all).hasSize(n);
          Secp256k1Scalar divisor = G.randomNonZeroScalar(new SeededRandom(seed));
          for (int i = 0; i < n; i++) {
            ParticipantId p = set.ids().get(i);
            assertThat(all.get(i)).isEqualTo(set.lagrangeAtZero(G, p));
            assertThat(set.lagrangeAtZeroDividedBy(G, p, divisor))
                .isEqualTo(set.lagrangeAtZero(G, p).multiply(divisor.inverse()));
          }
        });
  }

  @Test
  void theDegreeTestAcceptsExactlyTheLowDegreeVectors() {
    qt().withExamples(50)
        .forAll(integers().between(1, 5), integers().between(1, 4), longs().all())
        .checkAssert((t, redundancy, seed) -> {
          SeededRandom rnd = new SeededRandom(seed);
          Polynomial<Secp256k1Scalar> f = Polynomial.random(G, t, G.randomScalar(rnd), rnd);
          Map<ParticipantId, Secp256k1Point> points = new LinkedHashMap<>();
          for (ParticipantId p : ids(t + 1 + redundancy, seed)) {
            points.put(p, f.evaluate(p).timesGenerator());
          }
          assertThat(ExponentInterpolation.hasDegreeAtMost(G, points, t, rnd)).isTrue();
          assertThat(ExponentInterpolation.atZero(G, points, t))
              .isEqualTo(f.constant().timesGenerator());
          ParticipantId victim =
              List.copyOf(points.keySet()).get((int) Math.floorMod(seed, (long) points.size()));
          points.put(victim, points.get(victim).add(Secp256k1Point.GENERATOR));
          assertThat(ExponentInterpolation.hasDegreeAtMost(G, points, t, rnd)).isFalse();
          if (redundancy >= 2) {
            assertThat(ExponentInterpolation.singleOutlier(G, points, t, rnd)).contains(victim);
          }
        });
  }
}
