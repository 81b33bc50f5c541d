package io.chainsig.wallet.signer;

import io.chainsig.derivation.Secp256k1PublicKey;
import java.util.Optional;

/**
 * The public key of a path, when the wallet knows the signer's root public key (it is public: the
 * child key is {@code root + tweak*G}). Used to show the key's own address and spot change outputs.
 */
public interface PublicKeyDirectory {
  /** A directory that knows no keys. */
  PublicKeyDirectory NONE = canonicalPath -> Optional.empty();

  /** The derived public key of {@code canonicalPath}, if known. */
  Optional<Secp256k1PublicKey> publicKeyOf(String canonicalPath);
}
