package io.chainsig.tss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Ed25519Group;
import io.chainsig.crypto.group.Ed25519Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchInversionTest {
  private static final Secp256k1Group G = Secp256k1Group.INSTANCE;

  @Test
  void everyResultIsTheInverseOfItsInput() {
    qt().withExamples(50)
        .forAll(integers().between(1, 20), longs().all())
        .checkAssert((n, seed) -> {
          SeededRandom rnd = new SeededRandom(seed);
          List<Secp256k1Scalar> values = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            values.add(G.randomNonZeroScalar(rnd));
          }
          List<Secp256k1Scalar> inverses = BatchInversion.invertAll(G, values);
          assertThat(inverses).hasSize(n);
          for (int i = 0; i < n; i++) {
            assertThat(inverses.get(i)).isEqualTo(values.get(i).inverse());
          }
        });
  }

  @Test
  void worksForAnyGroup() {
    Ed25519Group ed = Ed25519Group.INSTANCE;
    List<Ed25519Scalar> values = List.of(ed.scalarOf(2), ed.scalarOf(3), ed.scalarOf(7));
    List<Ed25519Scalar> inverses = BatchInversion.invertAll(ed, values);
    for (int i = 0; i < values.size(); i++) {
      assertThat(ed.multiply(values.get(i), inverses.get(i))).isEqualTo(ed.scalarOf(1));
    }
  }

  @Test
  void emptyInputGivesEmptyOutputAndZeroIsRefused() {
    assertThat(BatchInversion.invertAll(G, List.of())).isEmpty();
    assertThatThrownBy(
            () -> BatchInversion.invertAll(G, List.of(Secp256k1Scalar.ONE, Secp256k1Scalar.ZERO)))
        .isInstanceOf(ArithmeticException.class);
  }
}
