package io.chainsig.node.mesh;

import io.chainsig.crypto.encoding.Hex;
import java.util.Arrays;

/**
 * A participant as the mesh sees it: its participant id, where it listens and its pinned ed25519
 * key (as listed in the signer contract).
 *
 * @param participantId the participant id (positive)
 * @param host the host it listens on
 * @param port the TCP port it listens on
 * @param publicKey its 32-byte ed25519 mesh key
 */
public record MeshPeer(int participantId, String host, int port, byte[] publicKey) {
  /** Validates and copies. */
  public MeshPeer {
    if (participantId <= 0) {
      throw new IllegalArgumentException("participant id must be positive, got " + participantId);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("peer host is missing");
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("peer port out of range: " + port);
    }
    if (publicKey == null || publicKey.length != 32) {
      throw new IllegalArgumentException("peer mesh key must be 32 bytes");
    }
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** True if this peer's key is {@code key}. */
  public boolean hasKey(byte[] key) {
    return java.security.MessageDigest.isEqual(publicKey, key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeshPeer p
        && participantId == p.participantId
        && host.equals(p.host)
        && port == p.port
        && Arrays.equals(publicKey, p.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * participantId + host.hashCode() + port) + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "MeshPeer[" + participantId + " " + host + ":" + port + " " + Hex.encode(publicKey) + "]";
  }
}
