package io.chainsig.node.chain;

import io.chainsig.crypto.encoding.Base58;
import io.chainsig.node.mesh.MeshPeer;

/**
 * A participant as listed by the contract.
 *
 * @param accountId its NEAR account
 * @param participantId its id in the protocols (1 or more)
 * @param url its mesh address, {@code host:port}
 * @param meshKey its mesh key, {@code ed25519:<base58>}
 */
public record ChainParticipant(String accountId, int participantId, String url, String meshKey) {
  /** Validates. */
  public ChainParticipant {
    if (participantId < 1) {
      throw new IllegalArgumentException("participant ids must be 1 or more, got " + participantId);
    }
    if (url == null || url.lastIndexOf(':') <= 0) {
      throw new IllegalArgumentException("participant url must be host:port, got " + url);
    }
    if (meshKey == null || !meshKey.startsWith("ed25519:")) {
      throw new IllegalArgumentException("participant mesh key must be ed25519:<base58>");
    }
  }

  /** The mesh's view of this participant. */
  public MeshPeer toMeshPeer() {
    String u = url.replaceFirst("^[a-z]+://", "");
    int colon = u.lastIndexOf(':');
    return new MeshPeer(
        participantId,
        u.substring(0, colon),
        Integer.parseInt(u.substring(colon + 1).replaceAll("/.*$", "")),
        Base58.decode(meshKey.substring("ed25519:".length()), 32));
  }
}
