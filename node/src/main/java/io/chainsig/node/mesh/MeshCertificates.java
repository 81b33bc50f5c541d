package io.chainsig.node.mesh;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed X.509 certificates that carry a mesh ed25519 key. Nothing in the certificate but the
 * key matters: peers are authenticated by pinning the key, not by names or a CA.
 */
public final class MeshCertificates {
  // SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410).
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private MeshCertificates() {}

  /** A certificate for the key pair, valid from a day ago for ten years. */
  public static X509Certificate selfSigned(MeshKeyPair keys) {
    try {
      X500Name name = new X500Name("CN=chainsig-mesh");
      long now = System.currentTimeMillis();
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now),
              new Date(now - 86_400_000L),
              new Date(now + 10L * 365 * 86_400_000L),
              name,
              SubjectPublicKeyInfo.getInstance(spki(keys.publicKey())));
      var signer = new JcaContentSignerBuilder("Ed25519").build(keys.jdkPrivateKey());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the mesh certificate", e);
    }
  }

  /**
   * The raw 32-byte ed25519 key of a certificate's public key.
   *
   * @throws IllegalArgumentException if the key is not ed25519
   */
  public static byte[] ed25519Key(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != SPKI_PREFIX.length + 32
        || !Arrays.equals(Arrays.copyOf(encoded, SPKI_PREFIX.length), SPKI_PREFIX)) {
      throw new IllegalArgumentException("peer key is not an ed25519 key");
    }
    return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
  }

  private static byte[] spki(byte[] raw) {
    byte[] out = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
    System.arraycopy(raw, 0, out, SPKI_PREFIX.length, 32);
    return out;
  }
}
