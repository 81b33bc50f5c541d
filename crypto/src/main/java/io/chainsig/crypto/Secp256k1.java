package io.chainsig.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * Domain parameters of secp256k1 (SEC 2), backed by BouncyCastle's optimised custom curve, and a
 * precomputed fixed-base multiplier for the generator.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  /** The curve. */
  public static final ECCurve CURVE = PARAMS.getCurve();

  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();

  /** n / 2, the largest "low" s value of a normalised ECDSA signature. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  /** The field prime p. */
  public static final BigInteger P = CURVE.getField().getCharacteristic();

  /** The generator G. */
  static final ECPoint G = PARAMS.getG();

  private static final FixedPointCombMultiplier G_MULTIPLIER = new FixedPointCombMultiplier();

  static {
    // Builds the comb table for G once, up front, rather than on the first multiplication.
    FixedPointUtil.precompute(G);
  }

  private Secp256k1() {}

  /** k*G with the precomputed comb table; k must already be in [0, n). */
  static ECPoint multiplyGenerator(BigInteger k) {
    return G_MULTIPLIER.multiply(G, k);
  }
}
