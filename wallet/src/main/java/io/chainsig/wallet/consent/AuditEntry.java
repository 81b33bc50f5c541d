package io.chainsig.wallet.consent;

import java.time.Instant;

/**
 * One decision for the audit log: when, which request, origin and key, the flow, the outcome and
 * the text the user saw, and the hash that was (or would have been) signed.
 */
public record AuditEntry(
    Instant time, String requestId, String origin, String key, String canonicalPath, ConsentFlow flow,
    String outcome, String shownText, String signingHash) {
  /** Checks every field is present (an empty hash means none was computed). */
  public AuditEntry {
    java.util.Objects.requireNonNull(time, "time");
    java.util.Objects.requireNonNull(requestId, "requestId");
    java.util.Objects.requireNonNull(origin, "origin");
    java.util.Objects.requireNonNull(key, "key");
    java.util.Objects.requireNonNull(canonicalPath, "canonicalPath");
    java.util.Objects.requireNonNull(flow, "flow");
    java.util.Objects.requireNonNull(outcome, "outcome");
    java.util.Objects.requireNonNull(shownText, "shownText");
    java.util.Objects.requireNonNull(signingHash, "signingHash");
  }
}
