package io.chainsig.wallet.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand (set {@link #now}). */
public final class ManualClock extends Clock {
  /** The time it tells. */
  public Instant now = Instant.parse("2026-11-29T12:00:00Z");

  @Override
  public ZoneOffset getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
