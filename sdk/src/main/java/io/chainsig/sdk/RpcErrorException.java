package io.chainsig.sdk;

/**
 * A chain node answered an RPC call with an error (or an answer the SDK cannot read). {@link
 * #code()} is the JSON-RPC error code when the node gave one.
 */
public final class RpcErrorException extends ChainsigSdkException {
  /** The code used when the node gave none (transport-level or unreadable answers). */
  public static final int NO_CODE = 0;

  private final int code;

  /** An error without a JSON-RPC code. */
  public RpcErrorException(String message) {
    this(message, NO_CODE);
  }

  /** An error with a message and the lower-level cause. */
  public RpcErrorException(String message, Throwable cause) {
    super(message, cause);
    this.code = NO_CODE;
  }

  /** An error with the node's JSON-RPC error code. */
  public RpcErrorException(String message, int code) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code, or {@link #NO_CODE}. */
  public int code() {
    return code;
  }
}
