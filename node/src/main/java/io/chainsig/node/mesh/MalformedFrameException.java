package io.chainsig.node.mesh;

/** A frame from a peer that does not parse; the connection that sent it is closed. */
public final class MalformedFrameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with what was wrong. */
  public MalformedFrameException(String message) {
    super(message);
  }
}
