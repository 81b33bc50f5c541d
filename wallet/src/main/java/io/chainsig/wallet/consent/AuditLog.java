package io.chainsig.wallet.consent;

/** Where decisions are recorded (a file in the service, a list in tests). */
public interface AuditLog {
  /** Records one decision; must not lose it silently. */
  void record(AuditEntry entry);
}
