package io.chainsig.derivation;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Scalar;
import java.math.BigInteger;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/** QuickTheories generators for derivation properties. */
public final class Generators {
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String SEPARATORS = "-_.";

  private Generators() {}

  /** A uniformly random non-zero secp256k1 scalar (256 random bits reduced mod n). */
  public static Gen<Secp256k1Scalar> scalars() {
    return in -> {
      BigInteger v = BigInteger.ZERO;
      for (int i = 0; i < 4; i++) {
        v = v.shiftLeft(64).or(BigInteger.valueOf(in.next(Constraint.none())).and(MASK64));
      }
      BigInteger r = v.mod(Secp256k1.N);
      return Secp256k1Scalar.reduce(r.signum() == 0 ? BigInteger.ONE : r);
    };
  }

  private static final BigInteger MASK64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** Valid NEAR account ids: 1-4 parts of alphanumeric runs joined by single separators. */
  public static Gen<NearAccountId> accountIds() {
    return in -> {
      StringBuilder sb = new StringBuilder();
      int parts = (int) in.next(Constraint.between(1, 4));
      for (int p = 0; p < parts; p++) {
        if (p > 0) {
          sb.append('.');
        }
        int runs = (int) in.next(Constraint.between(1, 3));
        for (int r = 0; r < runs; r++) {
          if (r > 0) {
            sb.append(SEPARATORS.charAt((int) in.next(Constraint.between(0, 1))));
          }
          int len = (int) in.next(Constraint.between(1, 6));
          for (int i = 0; i < len; i++) {
            sb.append(ALNUM.charAt((int) in.next(Constraint.between(0, ALNUM.length() - 1))));
          }
        }
      }
      String s = sb.toString();
      if (s.length() < 2) {
        s = s + "0";
      }
      return NearAccountId.of(s.length() > 64 ? s.substring(0, 63) + "z" : s);
    };
  }

  /** Paths: arbitrary strings of 0-40 characters, including non-ASCII and separators. */
  public static Gen<String> paths() {
    String alphabet = "abcXYZ019,:{}\"' é€😀\u0000-_./";
    return in -> {
      int len = (int) in.next(Constraint.between(0, 40));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < len; i++) {
        int cp = alphabet.codePoints().toArray()[(int) in.next(
            Constraint.between(0, alphabet.codePointCount(0, alphabet.length()) - 1))];
        sb.appendCodePoint(cp);
      }
      return sb.toString();
    };
  }
}
