package io.chainsig.crypto.group;

import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.security.SecureRandom;

/**
 * The operations a threshold protocol needs from a prime-order group: scalar arithmetic modulo
 * the order, group law, scalar multiplication and canonical fixed-length encodings. Implementations
 * are stateless singletons.
 *
 * @param <S> the scalar type (integers modulo the group order)
 * @param <E> the group element type
 */
public interface PrimeOrderGroup<S, E> {
  /** A short stable name, e.g. {@code secp256k1}; it is hashed into transcripts. */
  String name();

  /** Length of {@link #encodeScalar}. */
  int scalarLength();

  /** Length of {@link #encodeElement}. */
  int elementLength();

  /** A small non-negative integer as a scalar. */
  S scalarOf(long value);

  /** A uniformly random scalar. */
  S randomScalar(SecureRandom random);

  /** A uniformly random non-zero scalar. */
  S randomNonZeroScalar(SecureRandom random);

  /** Reduces 64 uniformly random bytes (e.g. a wide hash) to a scalar with negligible bias. */
  S scalarFromWideBytes(byte[] bytes64);

  /** a + b. */
  S add(S a, S b);

  /** a - b. */
  S subtract(S a, S b);

  /** a * b. */
  S multiply(S a, S b);

  /**
   * 1 / a.
   *
   * @throws ArithmeticException for zero
   */
  S inverse(S a);

  /** True for the zero scalar. */
  boolean isZero(S a);

  /** Canonical fixed-length encoding. */
  byte[] encodeScalar(S a);

  /**
   * Decodes a canonical scalar.
   *
   * @throws InvalidEncodingException on a wrong length or a non-canonical value
   */
  S decodeScalar(byte[] bytes);

  /** The identity element. */
  E identity();

  /** True for the identity element. */
  boolean isIdentity(E e);

  /** k * generator. */
  E generatorTimes(S k);

  /** a + b (group law). */
  E addElements(E a, E b);

  /** k * e. */
  E scale(E e, S k);

  /**
   * {@code sum_i scalars[i] * elements[i]}. The default multiplies one by one; implementations
   * override it with a faster interleaved multi-scalar multiplication.
   */
  default E sumOfScaled(java.util.List<E> elements, java.util.List<S> scalars) {
    if (elements.size() != scalars.size()) {
      throw new IllegalArgumentException("need equally many elements and scalars");
    }
    E acc = identity();
    for (int i = 0; i < elements.size(); i++) {
      acc = addElements(acc, scale(elements.get(i), scalars.get(i)));
    }
    return acc;
  }

  /**
   * Canonical fixed-length encoding.
   *
   * @throws IllegalStateException for the identity, which has no encoding
   */
  byte[] encodeElement(E e);

  /**
   * Decodes a canonical element; never returns the identity.
   *
   * @throws InvalidEncodingException on a wrong length, a point off the curve or the identity
   */
  E decodeElement(byte[] bytes);
}
