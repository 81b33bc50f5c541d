package io.chainsig.sdk.signer;

/**
 * The port through which the SDK gets ECDSA (secp256k1) signatures under one derived key: the key
 * the signer contract derives for the caller's account and a path ({@code root + eps*G}).
 *
 * <p>The production implementation will be the chain-signatures network client (a {@code sign}
 * call on the signer contract, waiting for the response); tests use a local key. Implementations
 * need not verify what they return: {@link VerifyingSigner} does that before any adapter uses it.
 */
@FunctionalInterface
public interface PayloadSigner {
  /**
   * Signs a 32-byte payload (a transaction's signing hash) as is, without hashing it again.
   *
   * @param payload32 exactly 32 bytes
   * @return the signature as the network returns it (R point, s, recovery id)
   * @throws io.chainsig.sdk.SignatureRefusedException if the signer will not or cannot sign
   */
  EcdsaSignature sign(byte[] payload32);
}
