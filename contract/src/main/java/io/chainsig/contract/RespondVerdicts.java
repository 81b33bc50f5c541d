package io.chainsig.contract;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers of {@link RespondCheck}s computed before the calls that make them, e.g. by a host on
 * other threads before it takes the lock under which its calls run. A {@code respond} call looks
 * its own check up here and runs it itself only if it is missing: when the root key, request or
 * response differ from what was computed (the key changed in between), or nothing was. Answers
 * are only ever made by running the check, so a call gives exactly what it gives without them.
 * Immutable.
 */
public final class RespondVerdicts {
  /** No answers: every call runs its check. */
  public static final RespondVerdicts NONE = new RespondVerdicts(Map.of());

  private final Map<RespondCheck, Optional<String>> answers;

  private RespondVerdicts(Map<RespondCheck, Optional<String>> answers) {
    this.answers = Map.copyOf(answers);
  }

  /**
   * Runs the checks now. A check that throws (e.g. a tweak out of range) gets no answer, so the
   * call runs it and throws the same.
   */
  public static RespondVerdicts compute(Collection<RespondCheck> checks) {
    if (checks.isEmpty()) {
      return NONE;
    }
    Map<RespondCheck, Optional<String>> out = new HashMap<>();
    for (RespondCheck check : checks) {
      try {
        out.put(check, check.failure());
      } catch (RuntimeException e) {
        // left to the call, which throws it in its own order of checks
      }
    }
    return new RespondVerdicts(out);
  }

  /** Given answers, whether true or not: for tests that must tell an answer used from one computed. */
  static RespondVerdicts ofAnswers(Map<RespondCheck, Optional<String>> answers) {
    return new RespondVerdicts(answers);
  }

  /**
   * The answer of the check: the computed one if there is one for exactly this check, otherwise
   * {@link RespondCheck#failure()} run now.
   *
   * @return empty if the signature is valid, otherwise why not
   */
  public Optional<String> failure(RespondCheck check) {
    Optional<String> known = answers.get(check);
    return known != null ? known : check.failure();
  }

  /** The number of answers held. */
  public int size() {
    return answers.size();
  }
}
