package io.chainsig.contract;

/** What became of a waiting {@code sign} call: the host resumes the caller with it. */
public sealed interface Resolution {
  /** The host's id of the waiting call. */
  String callId();

  /**
   * The network answered with a verified signature.
   *
   * @param callId the waiting call
   * @param responseJson the signature response JSON returned to the caller
   */
  record Signed(String callId, String responseJson) implements Resolution {}

  /**
   * The call failed, e.g. it timed out.
   *
   * @param callId the waiting call
   * @param message the error the caller sees
   */
  record Failed(String callId, String message) implements Resolution {}
}
