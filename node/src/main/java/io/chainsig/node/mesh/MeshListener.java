package io.chainsig.node.mesh;

import java.util.List;

/**
 * What the mesh reports to the node. Called on the mesh's I/O threads: implementations must be
 * quick and thread-safe (hand work to the node's own executor).
 */
public interface MeshListener {
  /** A message from an authenticated participant. */
  void onMessage(int fromParticipant, MeshMessage message);

  /**
   * Messages from one authenticated participant that arrived together, in the order it sent them.
   * By default each goes to {@link #onMessage}; override to hand them to the node in one piece.
   */
  default void onMessages(int fromParticipant, List<MeshMessage> messages) {
    for (MeshMessage m : messages) {
      onMessage(fromParticipant, m);
    }
  }

  /** An outgoing connection to a participant is up. */
  default void onPeerConnected(int participant) {}

  /** An outgoing connection to a participant went down (it will be re-dialled). */
  default void onPeerDisconnected(int participant) {}

  /**
   * A peer or an unknown party broke the rules (unknown key, garbage frame); the connection was
   * closed. {@code participant} is 0 when the party is not a participant.
   */
  default void onRefused(int participant, String remote, String reason) {}
}
