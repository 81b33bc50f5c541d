package io.chainsig.node.mpc;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SessionId;
import java.util.Set;

/** Where the engine's messages go: the mesh in a node, an in-memory wire in simulations. */
public interface MeshOutbox {
  /** Sends to one participant; false if it is not reachable right now. */
  boolean send(ParticipantId to, SessionId session, byte[] payload);

  /** The participants reachable right now (not including this node). */
  Set<ParticipantId> reachable();
}
