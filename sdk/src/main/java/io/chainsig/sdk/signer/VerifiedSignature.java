package io.chainsig.sdk.signer;

import io.chainsig.crypto.Bytes;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * A signature that has been checked against the expected public key for one payload, in the
 * canonical form chains accept: low s (at most n/2) and the matching recovery id. Only {@link
 * SignatureVerifier} creates these, so holding one proves the check was done.
 */
public final class VerifiedSignature {
  private final BigInteger r;
  private final BigInteger s;
  private final int recoveryId;
  private final Secp256k1PublicKey publicKey;
  private final byte[] payload;

  VerifiedSignature(
      BigInteger r, BigInteger s, int recoveryId, Secp256k1PublicKey publicKey, byte[] payload) {
    this.r = r;
    this.s = s;
    this.recoveryId = recoveryId;
    this.publicKey = publicKey;
    this.payload = payload.clone();
  }

  /** r in [1, n). */
  public BigInteger r() {
    return r;
  }

  /** s in [1, n/2]. */
  public BigInteger s() {
    return s;
  }

  /** The recovery id for (r, low s): 0 or 1 (2 or 3 only if R's x was at least n). */
  public int recoveryId() {
    return recoveryId;
  }

  /** The key the signature verifies under. */
  public Secp256k1PublicKey publicKey() {
    return publicKey;
  }

  /** The 32-byte payload that was signed. */
  public byte[] payload() {
    return payload.clone();
  }

  /** r as 32 big-endian bytes. */
  public byte[] r32() {
    return Bytes.toFixed(r, 32);
  }

  /** s as 32 big-endian bytes. */
  public byte[] s32() {
    return Bytes.toFixed(s, 32);
  }

  /** Strict DER ({@code SEQUENCE { INTEGER r, INTEGER s }}), as Bitcoin scripts carry it. */
  public byte[] toDer() {
    ASN1EncodableVector v = new ASN1EncodableVector(2);
    v.add(new ASN1Integer(r));
    v.add(new ASN1Integer(s));
    try {
      return new DERSequence(v).getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "VerifiedSignature[r=" + r.toString(16) + ", s=" + s.toString(16) + ", recoveryId="
        + recoveryId + ", key=" + publicKey.toCompressedHex() + "]";
  }
}
