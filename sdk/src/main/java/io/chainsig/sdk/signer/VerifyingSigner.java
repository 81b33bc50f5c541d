package io.chainsig.sdk.signer;

import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.ChainsigSdkException;
import io.chainsig.sdk.SignatureRefusedException;

/**
 * A {@link PayloadSigner} bound to the public key its signatures must verify under. Every answer
 * goes through {@link SignatureVerifier} before the caller sees it, so the adapters only ever
 * handle {@link VerifiedSignature}s.
 *
 * <p>The expected key should be computed independently of the signer (for instance with {@code
 * KeyDerivation.deriveSecp256k1(root, account, path)}), so a misbehaving signer cannot vouch for
 * itself.
 */
public final class VerifyingSigner {
  private final Secp256k1PublicKey expectedKey;
  private final PayloadSigner signer;

  /** Binds a signer to the derived key. */
  public VerifyingSigner(Secp256k1PublicKey expectedKey, PayloadSigner signer) {
    if (expectedKey == null || signer == null) {
      throw new IllegalArgumentException("expected key and signer are required");
    }
    this.expectedKey = expectedKey;
    this.signer = signer;
  }

  /** The key every signature must verify under. */
  public Secp256k1PublicKey expectedKey() {
    return expectedKey;
  }

  /**
   * Asks the signer for a signature and verifies it.
   *
   * @throws SignatureRefusedException if the signer refused or failed (its own errors are wrapped)
   * @throws io.chainsig.sdk.InvalidSignatureException if the answer does not verify
   */
  public VerifiedSignature sign(byte[] payload32) {
    if (payload32 == null || payload32.length != 32) {
      throw new IllegalArgumentException("payload must be 32 bytes");
    }
    EcdsaSignature answer;
    try {
      answer = signer.sign(payload32.clone());
    } catch (ChainsigSdkException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SignatureRefusedException("the signer failed: " + e.getMessage(), e);
    }
    if (answer == null) {
      throw new SignatureRefusedException("the signer returned no signature");
    }
    return SignatureVerifier.verify(payload32, answer, expectedKey);
  }
}
