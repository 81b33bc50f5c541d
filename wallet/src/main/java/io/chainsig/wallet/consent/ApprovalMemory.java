package io.chainsig.wallet.consent;

import io.chainsig.wallet.path.WalletKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Approvals the user asked to remember, per (origin, key), each for a bounded time. Time comes from
 * an injectable clock. Only prompts marked rememberable are stored here, so another domain's key
 * and blind signing are never remembered.
 */
public final class ApprovalMemory {
  /** The longest an approval may be remembered: long prompts-free sessions turn into blank cheques. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  private record Entry(String origin, String path) {}

  private final Clock clock;
  private final Duration duration;
  private final Map<Entry, Instant> expiries = new HashMap<>();

  /** Remembers approvals for {@code duration} (at most {@link #MAX_DURATION}). */
  public ApprovalMemory(Clock clock, Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("approvals are remembered for more than 0 and at most " + MAX_DURATION);
    }
    this.clock = clock;
    this.duration = duration;
  }

  /** How long approvals last. */
  public Duration duration() {
    return duration;
  }

  /** Records an approval; returns until when it holds. */
  public synchronized Instant remember(RequestOrigin origin, WalletKey key) {
    Instant until = clock.instant().plus(duration);
    expiries.put(entry(origin, key), until);
    return until;
  }

  /** Until when an approval holds, if one does now. */
  public synchronized Optional<Instant> approvedUntil(RequestOrigin origin, WalletKey key) {
    Instant now = clock.instant();
    expiries.values().removeIf(until -> !until.isAfter(now));
    return Optional.ofNullable(expiries.get(entry(origin, key)));
  }

  private static Entry entry(RequestOrigin origin, WalletKey key) {
    return new Entry(origin.serialized(), key.account().value() + "," + key.path().canonicalJson());
  }
}
