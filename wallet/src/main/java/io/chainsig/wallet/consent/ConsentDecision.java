package io.chainsig.wallet.consent;

/** What the policy decided for a request, with the text the user (or the dapp) sees. */
public sealed interface ConsentDecision {
  /** The rule that decided. */
  ConsentFlow flow();

  /** The text shown. */
  String text();

  /** Sign now, without asking. */
  record SignWithoutPrompt(ConsentFlow flow, String text) implements ConsentDecision {}

  /** Ask the user first. */
  record AskUser(ConsentFlow flow, ConsentPrompt prompt) implements ConsentDecision {
    @Override
    public String text() {
      return prompt.text();
    }
  }

  /** Do not sign. */
  record Refuse(ConsentFlow flow, String text) implements ConsentDecision {}
}
