package io.chainsig.wallet.consent;

import io.chainsig.wallet.signer.SignResult;

/** How a request ended: signed, with the text that was shown, or refused with the reason. */
public sealed interface SignOutcome {
  /** The rule that decided. */
  ConsentFlow flow();

  /** What the user or the dapp is told. */
  String text();

  /** Signed. */
  record Signed(ConsentFlow flow, String text, SignResult signature) implements SignOutcome {}

  /** Not signed. */
  record Refused(ConsentFlow flow, String text) implements SignOutcome {}
}
