package io.chainsig.wallet.consent;

import java.time.Instant;

/**
 * One decision for the audit log: when, which request, origin and key, the flow, the outcome and
 * the text the user saw, and the hash that was (or would have been) signed.
 */
public record AuditEntry(
    Instant time, String requestId, String origin, String key, String canonicalPath, ConsentFlow flow,
    String outcome, String shownText, String signingHash) {}
