package io.chainsig.tss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.SeededRandom;
import io.chainsig.tss.internal.ExponentDegreeTest.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both ways of testing the degree in the exponent accept exactly the low-degree vectors. */
class ExponentDegreeTestProperties {
  private static final Secp256k1Group G = Secp256k1Group.INSTANCE;

  /** Consecutive ids 1..m for even seeds, ids spread over 1..200 for odd ones. */
  static List<ParticipantId> ids(int m, long seed) {
    return seed % 2 == 0
        ? ParticipantSet.ofRange(m).ids()
        : InterpolationProperties.ids(m, seed);
  }

  static Map<ParticipantId, Secp256k1Point> onPolynomial(
      List<ParticipantId> ids, Polynomial<Secp256k1Scalar> f) {
    Map<ParticipantId, Secp256k1Point> points = new LinkedHashMap<>();
    for (ParticipantId p : ids) {
      points.put(p, f.evaluate(p).timesGenerator());
    }
    return points;
  }

  @Test
  void bothMethodsAcceptTheCodewordsAndRejectAnyChangedPoint() {
    qt().withExamples(60)
        .forAll(integers().between(0, 6), integers().between(1, 5), longs().all())
        .checkAssert((t, redundancy, seed) -> {
          SeededRandom rnd = new SeededRandom(seed);
          List<ParticipantId> ids = ids(t + 1 + redundancy, seed);
          Map<ParticipantId, Secp256k1Point> points =
              onPolynomial(ids, Polynomial.random(G, t, G.randomScalar(rnd), rnd));
          for (Method method : Method.values()) {
            ExponentDegreeTest<Secp256k1Scalar, Secp256k1Point> test =
                ExponentDegreeTest.prepare(G, ids, t, method);
            assertThat(test.accepts(points, rnd)).as(method.name()).isTrue();
            // Each position in turn: the first and last are each covered by a single window.
            for (ParticipantId victim : ids) {
              Map<ParticipantId, Secp256k1Point> bad = new LinkedHashMap<>(points);
              bad.put(victim, bad.get(victim).add(G.randomScalar(rnd).timesGenerator()));
              assertThat(test.accepts(bad, rnd)).as(method + " with " + victim + " changed").isFalse();
            }
          }
        });
  }

  @Test
  void aPolynomialOfOneDegreeMoreIsRejected() {
    qt().withExamples(40)
        .forAll(integers().between(0, 6), integers().between(1, 4), longs().all())
        .checkAssert((t, redundancy, seed) -> {
          SeededRandom rnd = new SeededRandom(seed);
          List<ParticipantId> ids = ids(t + 1 + redundancy, seed);
          // Degree exactly t+1 unless the random leading coefficient is 0 (probability 1/q).
          Polynomial<Secp256k1Scalar> f = Polynomial.random(G, t + 1, G.randomScalar(rnd), rnd);
          Map<ParticipantId, Secp256k1Point> points = onPolynomial(ids, f);
          for (Method method : Method.values()) {
            assertThat(ExponentDegreeTest.prepare(G, ids, t, method).accepts(points, rnd))
                .as(method.name())
                .isFalse();
          }
        });
  }

  @Test
  void consecutiveIdsUseTheExactWindowsWithBinomialWeights() {
    for (int t = 1; t <= 10; t++) {
      List<ParticipantId> ids = ParticipantSet.ofRange(2 * t + 1).ids();
      assertThat(ExponentDegreeTest.prepare(G, ids, t).method()).as("t = " + t).isEqualTo(Method.WINDOWS);
    }
    // t = 2 over 1..5: two windows (1, -3, 3, -1) up to sign, i.e. third differences.
    ExponentDegreeTest<Secp256k1Scalar, Secp256k1Point> test =
        ExponentDegreeTest.prepare(G, ParticipantSet.ofRange(5).ids(), 2);
    List<Secp256k1Scalar> binomial = signed(-1, 3, -3, 1);
    List<Secp256k1Scalar> negated = signed(1, -3, 3, -1);
    assertThat(test.windowWeights()).hasSize(2);
    assertThat(test.windowWeights()).allMatch(w -> w.equals(binomial) || w.equals(negated));
  }

  @Test
  void idsFarApartUseTheRandomCodeword() {
    // Window weights up to 113 bits here; evenly spaced ids would give binomials again.
    List<ParticipantId> spread =
        ParticipantSet.ofIds(42, 266, 395, 415, 431, 498, 524, 777, 803, 865, 912, 941, 989).ids();
    assertThat(ExponentDegreeTest.prepare(G, spread, 6).method()).isEqualTo(Method.RANDOM_DUAL_CODEWORD);
    // Five ids spread over 1..200 with t = 2: weights of at most 15 bits, windows are cheaper.
    List<ParticipantId> five = ParticipantSet.ofIds(11, 67, 99, 108, 195).ids();
    assertThat(ExponentDegreeTest.prepare(G, five, 2).method()).isEqualTo(Method.WINDOWS);
  }

  @Test
  void withoutRedundancyEveryVectorPasses() {
    SeededRandom rnd = new SeededRandom(5);
    List<ParticipantId> ids = ParticipantSet.ofRange(3).ids();
    Map<ParticipantId, Secp256k1Point> any = new LinkedHashMap<>();
    for (ParticipantId p : ids) {
      any.put(p, G.randomScalar(rnd).timesGenerator());
    }
    assertThat(ExponentDegreeTest.prepare(G, ids, 2).accepts(any, rnd)).isTrue();
  }

  @Test
  void pointsAtOtherParticipantsAreRefused() {
    SeededRandom rnd = new SeededRandom(6);
    ExponentDegreeTest<Secp256k1Scalar, Secp256k1Point> test =
        ExponentDegreeTest.prepare(G, ParticipantSet.ofRange(5).ids(), 2);
    Map<ParticipantId, Secp256k1Point> points = new LinkedHashMap<>();
    for (ParticipantId p : ParticipantSet.ofIds(1, 2, 3, 4, 6).ids()) {
      points.put(p, Secp256k1Point.GENERATOR);
    }
    assertThatThrownBy(() -> test.accepts(points, rnd)).isInstanceOf(IllegalArgumentException.class);
    points.remove(ParticipantId.of(6));
    assertThatThrownBy(() -> test.accepts(points, rnd)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Secp256k1Scalar> signed(long... values) {
    List<Secp256k1Scalar> out = new ArrayList<>();
    for (long v : values) {
      out.add(v < 0 ? Secp256k1Scalar.of(-v).negate() : Secp256k1Scalar.of(v));
    }
    return out;
  }
}
