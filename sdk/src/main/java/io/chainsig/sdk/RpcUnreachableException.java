package io.chainsig.sdk;

/** A chain node's RPC endpoint could not be reached (connection refused, unknown host, time-out). Nothing was sent. */
public final class RpcUnreachableException extends ChainsigSdkException {
  /** An error with a message. */
  public RpcUnreachableException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public RpcUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
