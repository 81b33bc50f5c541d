package io.chainsig.sandbox.state;

import com.fasterxml.jackson.databind.JsonNode;

/** How a transaction's execution ended (nearcore {@code ExecutionStatusView}). */
public sealed interface ExecutionStatus {
  /**
   * Success with a return value.
   *
   * @param base64 the return value, base64 (empty for none)
   */
  record SuccessValue(String base64) implements ExecutionStatus {}

  /**
   * Failure.
   *
   * @param error the {@code TxExecutionError} JSON, e.g. {@code {"ActionError": {...}}}
   */
  record Failure(JsonNode error) implements ExecutionStatus {}

  /** A {@code sign} call waiting for the network's response. */
  record Pending() implements ExecutionStatus {}
}
