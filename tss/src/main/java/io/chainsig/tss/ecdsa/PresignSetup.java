package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.group.Secp256k1Group;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.internal.ExponentDegreeTest;
import java.util.List;
import java.util.Objects;

/**
 * What presign computes from the signer set alone (docs/protocols/presign.md steps 3, 4 and 6):
 * the degree test, the Lagrange coefficients at 0 over all signers, and the first t+1 signers with
 * theirs. A batch computes it once and every run of the batch shares it (the values are
 * immutable).
 *
 * @param degreeTest steps 3 and 6: are the R_j (W_j) on one degree-t curve
 * @param lagrange step 4: Lagrange coefficients at 0 over all signers, in id order
 * @param firstSigners steps 3 and 6: the first t+1 signers, whose points give the value at 0
 * @param firstLagrange their Lagrange coefficients at 0
 */
record PresignSetup(
    ExponentDegreeTest<Secp256k1Scalar, Secp256k1Point> degreeTest,
    List<Secp256k1Scalar> lagrange,
    ParticipantSet firstSigners,
    List<Secp256k1Scalar> firstLagrange) {
  PresignSetup {
    Objects.requireNonNull(degreeTest, "degreeTest");
    lagrange = List.copyOf(lagrange);
    Objects.requireNonNull(firstSigners, "firstSigners");
    firstLagrange = List.copyOf(firstLagrange);
    if (firstLagrange.size() != firstSigners.size()) {
      throw new IllegalArgumentException("one coefficient per first signer");
    }
  }

  /** The setup for {@code signers} (2t+1 of them) and threshold degree {@code t}. */
  static PresignSetup of(Secp256k1Group group, ParticipantSet signers, int t) {
    ParticipantSet first = ParticipantSet.of(signers.ids().subList(0, t + 1));
    return new PresignSetup(
        ExponentDegreeTest.prepare(group, signers.ids(), t),
        signers.lagrangeCoefficientsAtZero(group),
        first,
        first.lagrangeCoefficientsAtZero(group));
  }
}
