package io.chainsig.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A transaction refused before execution, carrying nearcore's {@code InvalidTxError} JSON (for
 * example {@code {"InvalidNonce": {"tx_nonce": 5, "ak_nonce": 7}}} or {@code "InvalidSignature"}).
 * Nothing is charged and the nonce does not move.
 */
public final class InvalidTxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The InvalidTxError value. */
  private final transient JsonNode error;

  /** With the error JSON and a one-line message. */
  public InvalidTxException(JsonNode error, String message) {
    super(message);
    this.error = error;
  }

  /** The InvalidTxError value. */
  public JsonNode error() {
    return error;
  }
}
