package io.chainsig.wallet.server;

import io.chainsig.wallet.consent.ConsentPrompt;
import io.chainsig.wallet.consent.SignRequest;
import io.chainsig.wallet.consent.UserChoice;
import io.chainsig.wallet.consent.UserConsent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Shows prompts as consent pages: {@link #ask} registers a pending prompt under the request id; the
 * page's form completes it. Unanswered prompts are refused after {@link #TIMEOUT}.
 */
final class WebConsent implements UserConsent {
  /** A prompt left open longer than this is refused: stale approvals are a risk. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, PendingConsent> pending = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  WebConsent(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CompletionStage<UserChoice> ask(SignRequest request, ConsentPrompt prompt) {
    byte[] token = new byte[16];
    random.nextBytes(token);
    PendingConsent entry = new PendingConsent(request, prompt, HexFormat.of().formatHex(token),
        clock.instant().plus(TIMEOUT), new CompletableFuture<>());
    pending.put(request.id(), entry);
    entry.answer().whenComplete((choice, error) -> pending.remove(request.id()));
    return entry.answer();
  }

  /** The open prompt of a request, rejecting it first if it has expired. */
  Optional<PendingConsent> find(String requestId) {
    PendingConsent entry = pending.get(requestId);
    if (entry != null && !clock.instant().isBefore(entry.expires())) {
      entry.answer().completeExceptionally(new TimeoutException("no answer within " + TIMEOUT.toMinutes() + " minutes"));
      return Optional.empty();
    }
    return Optional.ofNullable(entry);
  }

  /** Rejects every expired prompt. */
  void expireOld() {
    pending.keySet().forEach(this::find);
  }
}
