package io.chainsig.wallet.consent;

import io.chainsig.crypto.encoding.Hex;
import io.chainsig.wallet.signer.SignResult;
import io.chainsig.wallet.signer.SignatureRequester;
import io.chainsig.wallet.tx.NotSignableException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A signer that asks the consent policy, and the user when the policy says so, before passing a
 * request to the wrapped {@link SignatureRequester} (the decorator of Teku's
 * SlashingProtectedSigner). Deny by default: a refusal, an unsignable payload, a button that is not
 * on the prompt, a failed or missing answer all end in {@link SignOutcome.Refused}. Every outcome is
 * written to the audit log before it is returned.
 */
public final class ConsentingSigner {
  private final SignatureRequester delegate;
  private final ConsentPolicy policy;
  private final ApprovalMemory approvals;
  private final AuditLog audit;
  private final Clock clock;

  /** Wraps {@code delegate}. */
  public ConsentingSigner(
      SignatureRequester delegate, ConsentPolicy policy, ApprovalMemory approvals, AuditLog audit, Clock clock) {
    this.delegate = delegate;
    this.policy = policy;
    this.approvals = approvals;
    this.audit = audit;
    this.clock = clock;
  }

  /** Decides, asks through {@code consent} if needed, and signs only on approval. */
  public CompletionStage<SignOutcome> sign(SignRequest request, UserConsent consent) {
    byte[] hash;
    try {
      hash = request.payload().signingHash();
    } catch (NotSignableException e) {
      return done(request, null, new SignOutcome.Refused(ConsentFlow.REFUSED, "Refused: " + e.getMessage()));
    }
    ConsentDecision decision;
    try {
      decision = policy.decide(request.origin(), request.key(), request.payload());
    } catch (RuntimeException e) {
      return done(request, hash, new SignOutcome.Refused(ConsentFlow.REFUSED, "Refused: the request could not be checked"));
    }
    return switch (decision) {
      case ConsentDecision.Refuse refuse -> done(request, hash, new SignOutcome.Refused(refuse.flow(), refuse.text()));
      case ConsentDecision.SignWithoutPrompt sign -> done(request, hash, signNow(request, hash, sign.flow(), sign.text()));
      case ConsentDecision.AskUser ask -> askThenSign(request, hash, ask, consent);
    };
  }

  private CompletionStage<SignOutcome> askThenSign(
      SignRequest request, byte[] hash, ConsentDecision.AskUser ask, UserConsent consent) {
    ConsentPrompt prompt = ask.prompt();
    if (prompt.rememberable()) {
      var until = approvals.approvedUntil(request.origin(), request.key());
      if (until.isPresent()) {
        return done(request, hash, signNow(request, hash, ask.flow(),
            "Signed without asking again: you approved " + request.origin().displayName() + " using "
                + request.key() + " until " + until.get() + ".\n" + prompt.text()));
      }
    }
    CompletionStage<UserChoice> answer;
    try {
      answer = consent.ask(request, prompt);
    } catch (RuntimeException e) {
      return done(request, hash, new SignOutcome.Refused(ask.flow(), "Refused: the prompt could not be shown"));
    }
    return answer.handle((choice, error) -> {
      SignOutcome outcome;
      if (error != null || choice == null) {
        outcome = new SignOutcome.Refused(ask.flow(), "Refused: no answer from the user.\n" + prompt.text());
      } else if (!prompt.buttons().contains(choice.button()) || !choice.button().approves()) {
        outcome = new SignOutcome.Refused(ask.flow(), "Rejected by the user.\n" + prompt.text());
      } else {
        if (choice.remember() && prompt.rememberable()) {
          approvals.remember(request.origin(), request.key());
        }
        outcome = signNow(request, hash, ask.flow(), prompt.text() + "\nThe user pressed [" + choice.button().label() + "].");
      }
      record(request, hash, outcome);
      return outcome;
    });
  }

  private SignOutcome signNow(SignRequest request, byte[] hash, ConsentFlow flow, String text) {
    try {
      SignResult signature = delegate.sign(request.key().path().canonicalJson(), hash);
      return new SignOutcome.Signed(flow, text, signature);
    } catch (RuntimeException e) {
      return new SignOutcome.Refused(flow, "Approved, but the signer failed: " + e.getMessage());
    }
  }

  private CompletionStage<SignOutcome> done(SignRequest request, byte[] hash, SignOutcome outcome) {
    record(request, hash, outcome);
    return CompletableFuture.completedFuture(outcome);
  }

  private void record(SignRequest request, byte[] hash, SignOutcome outcome) {
    audit.record(new AuditEntry(
        Instant.now(clock),
        request.id(),
        request.origin().serialized(),
        request.key().toKeyString(),
        request.key().path().canonicalJson(),
        outcome.flow(),
        outcome instanceof SignOutcome.Signed ? "signed" : "refused",
        outcome.text(),
        hash == null ? "" : Hex.encode(hash)));
  }
}
