package io.chainsig.contract;

/**
 * One caller's {@code sign} call waiting for the response of a pending request.
 *
 * @param callId the host's id of the call (the sandbox uses the receipt id)
 * @param blockHeight height of the block the call arrived in; its timeout counts from here
 */
public record WaitingCall(String callId, long blockHeight) {
  /** Validates the fields. */
  public WaitingCall {
    if (callId == null || callId.isEmpty()) {
      throw new IllegalArgumentException("call id is required");
    }
  }
}
