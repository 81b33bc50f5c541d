package io.chainsig.crypto;

import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Multi-scalar multiplication {@code sum_i k_i * P_i} on secp256k1 in one interleaved pass (shared
 * doublings, GLV endomorphism), several times faster than separate multiplications. Used by the
 * threshold protocols to check and interpolate vectors of points. Not constant time: for public
 * points and scalars, or secrets whose timing does not matter (verifier-side randomness).
 */
public final class Secp256k1MultiScalar {
  private Secp256k1MultiScalar() {}

  /**
   * {@code sum_i scalars[i] * points[i]}.
   *
   * @throws IllegalArgumentException if the lists differ in length or are empty
   */
  public static Secp256k1Point sum(List<Secp256k1Point> points, List<Secp256k1Scalar> scalars) {
    if (points.size() != scalars.size() || points.isEmpty()) {
      throw new IllegalArgumentException("need equally many points and scalars, at least one");
    }
    int m = points.size();
    ECPoint[] ps = new ECPoint[m];
    java.math.BigInteger[] ks = new java.math.BigInteger[m];
    int used = 0;
    for (int i = 0; i < m; i++) {
      Secp256k1Point p = points.get(i);
      if (p.isIdentity() || scalars.get(i).isZero()) {
        continue;
      }
      // The point itself, not a copy: BouncyCastle caches a point's window tables on the object,
      // so a point used in several sums (or the generator) is prepared only once.
      ps[used] = p.ecPoint();
      ks[used] = scalars.get(i).value();
      used++;
    }
    if (used == 0) {
      return Secp256k1Point.IDENTITY;
    }
    if (used < m) {
      ps = java.util.Arrays.copyOf(ps, used);
      ks = java.util.Arrays.copyOf(ks, used);
    }
    return Secp256k1Point.wrap(ECAlgorithms.sumOfMultiplies(ps, ks));
  }
}
