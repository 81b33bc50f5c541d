package io.chainsig.near.tx;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 signing and verification of NEAR transaction hashes (BouncyCastle). */
public final class Ed25519Signatures {
  private Ed25519Signatures() {}

  /** True if {@code signature} is a valid ed25519 signature of {@code message} by the key. */
  public static boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
    if (publicKey32.length != 32 || signature64.length != 64) {
      return false;
    }
    try {
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(publicKey32, 0));
      v.update(message, 0, message.length);
      return v.verifySignature(signature64);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Signs with a 32-byte ed25519 seed. */
  public static byte[] sign(byte[] seed32, byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, new Ed25519PrivateKeyParameters(seed32, 0));
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  /** The public key of a 32-byte seed. */
  public static byte[] publicKey(byte[] seed32) {
    return new Ed25519PrivateKeyParameters(seed32, 0).generatePublicKey().getEncoded();
  }
}
