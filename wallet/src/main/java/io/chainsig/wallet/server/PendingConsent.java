package io.chainsig.wallet.server;

import io.chainsig.wallet.consent.ConsentPrompt;
import io.chainsig.wallet.consent.SignRequest;
import io.chainsig.wallet.consent.UserChoice;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A prompt waiting for the user: the request, what is shown, the form token that proves a
 * decision came from this page, and the answer once given.
 */
record PendingConsent(SignRequest request, ConsentPrompt prompt, String formToken, Instant expires,
    CompletableFuture<UserChoice> answer) {}
