package io.chainsig.wallet.consent;

import java.util.concurrent.CompletionStage;

/** The port that shows a prompt to the user and completes with their choice (a web page, a test script). */
public interface UserConsent {
  /** Shows {@code prompt} for {@code request}; the stage completes when the user answers. */
  CompletionStage<UserChoice> ask(SignRequest request, ConsentPrompt prompt);
}
