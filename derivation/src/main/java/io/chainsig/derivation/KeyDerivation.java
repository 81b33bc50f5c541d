package io.chainsig.derivation;

import io.chainsig.crypto.Ed25519Point;

/**
 * Child public keys of NEAR chain signatures: {@code child = root + eps*G} (secp256k1) or {@code
 * root + eps*B} (ed25519), where {@code eps} comes from {@link DerivationTweak}. The same
 * (predecessor, path) always gives the same key; see {@code docs/derivation.md}.
 */
public final class KeyDerivation {
  private KeyDerivation() {}

  /**
   * Step 3 (secp256k1): {@code root + eps*G}.
   *
   * @throws TweakOutOfRangeException if eps is not below n
   */
  public static Secp256k1PublicKey deriveSecp256k1(
      Secp256k1PublicKey root, NearAccountId predecessor, String path) {
    return deriveSecp256k1(root, DerivationTweak.of(predecessor, path));
  }

  /** Step 3 (secp256k1) for a tweak already computed. */
  public static Secp256k1PublicKey deriveSecp256k1(Secp256k1PublicKey root, DerivationTweak tweak) {
    return new Secp256k1PublicKey(root.point().addGeneratorTimes(tweak.secp256k1Scalar()));
  }

  /** Step 3 (ed25519): {@code root + (tweak as little-endian mod L)*B}. */
  public static Ed25519PublicKey deriveEd25519(
      Ed25519PublicKey root, NearAccountId predecessor, String path) {
    DerivationTweak tweak = DerivationTweak.of(predecessor, path);
    return new Ed25519PublicKey(
        root.point().add(Ed25519Point.multiplyBase(tweak.ed25519Scalar())));
  }

  /** Derives a child of either key type. */
  public static NearPublicKey derive(NearPublicKey root, NearAccountId predecessor, String path) {
    return switch (root) {
      case Secp256k1PublicKey k -> deriveSecp256k1(k, predecessor, path);
      case Ed25519PublicKey k -> deriveEd25519(k, predecessor, path);
    };
  }
}
