package io.chainsig.wallet.consent;

/** The user's answer to a prompt: the button pressed and whether to remember an approval. */
public record UserChoice(ConsentButton button, boolean remember) {
  /** A refusal, e.g. when the prompt was closed or timed out. */
  public static UserChoice reject() {
    return new UserChoice(ConsentButton.REJECT, false);
  }
}
