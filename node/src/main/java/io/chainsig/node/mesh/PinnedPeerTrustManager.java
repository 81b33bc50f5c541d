package io.chainsig.node.mesh;

import io.chainsig.crypto.encoding.Hex;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a TLS peer only if its certificate carries the ed25519 key of a current participant
 * (read fresh on every handshake, so membership changes apply to new connections at once) and the
 * certificate is signed by that key. No names, no CA.
 */
public final class PinnedPeerTrustManager extends X509ExtendedTrustManager {
  private final Supplier<? extends Collection<MeshPeer>> peers;

  /** Trusts exactly the keys of {@code peers}. */
  public PinnedPeerTrustManager(Supplier<? extends Collection<MeshPeer>> peers) {
    this.peers = peers;
  }

  /** The participant whose key the certificate carries, or a rejection. */
  MeshPeer identify(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("peer sent no certificate");
    }
    X509Certificate cert = chain[0];
    byte[] key;
    try {
      key = MeshCertificates.ed25519Key(cert.getPublicKey());
      cert.verify(cert.getPublicKey());
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new CertificateException("peer certificate is not a self-signed ed25519 mesh certificate");
    }
    for (MeshPeer p : peers.get()) {
      if (p.hasKey(key)) {
        return p;
      }
    }
    throw new CertificateException("mesh key " + Hex.encode(key) + " is not a current participant's");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    identify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    identify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    identify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    identify(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    identify(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    identify(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
