package io.chainsig.sdk;

/** A chain node answered an RPC call with an error (or an answer the SDK cannot read). */
public final class RpcErrorException extends ChainsigSdkException {
  /** An error with a message. */
  public RpcErrorException(String message) {
    super(message);
  }

  /** An error with a message and the lower-level cause. */
  public RpcErrorException(String message, Throwable cause) {
    super(message, cause);
  }
}
