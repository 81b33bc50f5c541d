package io.chainsig.wallet.signer;

/**
 * The port to the signer network: sign a 32-byte payload with the key derived from the wallet's
 * account and {@code canonicalPath}. The NEAR-contract implementation (a {@code sign} call) comes
 * with the signer network; {@link LocalSecp256k1Signer} signs locally with a known test key.
 */
public interface SignatureRequester {
  /**
   * Signs.
   *
   * @param canonicalPath the RFC 8785 derivation path, exactly as the contract receives it
   * @param payload32 the 32-byte hash to sign
   */
  SignResult sign(String canonicalPath, byte[] payload32);
}
