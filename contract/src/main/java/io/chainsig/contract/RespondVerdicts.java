package io.chainsig.contract;

import java.nio.charset.StandardCharsets;
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
 * Made from the calls' arguments ({@link #compute(SignerContract, Collection)}), it also keeps
 * what they parsed to, so a call with the same argument bytes does not parse them (and decompress
 * the signature's point) again. Immutable.
 */
public final class RespondVerdicts {
  /** No answers: every call runs its check. */
  public static final RespondVerdicts NONE = new RespondVerdicts(Map.of(), Map.of());

  /** Respond arguments (the bytes as Latin-1 characters, one per byte) to the check they parsed to. */
  private final Map<String, RespondCheck> parsedArgs;
  private final Map<RespondCheck, Optional<String>> answers;

  private RespondVerdicts(Map<String, RespondCheck> parsedArgs, Map<RespondCheck, Optional<String>> answers) {
    this.parsedArgs = Map.copyOf(parsedArgs);
    this.answers = Map.copyOf(answers);
  }

  /**
   * Parses {@code respond} calls' arguments and runs their checks now, against the root keys of
   * {@code state} (only read). Arguments that do not parse, or name a domain without a secp256k1
   * key, get nothing: their calls refuse them as before.
   */
  public static RespondVerdicts compute(SignerContract state, Collection<byte[]> respondArgs) {
    Map<String, RespondCheck> parsed = new HashMap<>();
    for (byte[] args : respondArgs) {
      SignerContractAbi.respondCheck(state, args).ifPresent(check -> parsed.put(latin1(args), check));
    }
    if (parsed.isEmpty()) {
      return NONE;
    }
    return new RespondVerdicts(parsed, answer(parsed.values()));
  }

  /**
   * Runs the checks now. A check that throws (e.g. a tweak out of range) gets no answer, so the
   * call runs it and throws the same.
   */
  public static RespondVerdicts compute(Collection<RespondCheck> checks) {
    return checks.isEmpty() ? NONE : new RespondVerdicts(Map.of(), answer(checks));
  }

  private static Map<RespondCheck, Optional<String>> answer(Collection<RespondCheck> checks) {
    Map<RespondCheck, Optional<String>> out = new HashMap<>();
    for (RespondCheck check : checks) {
      try {
        out.put(check, check.failure());
      } catch (RuntimeException e) {
        // left to the call, which throws it in its own order of checks
      }
    }
    return out;
  }

  /** Given answers, whether true or not: for tests that must tell an answer used from one computed. */
  static RespondVerdicts ofAnswers(Map<RespondCheck, Optional<String>> answers) {
    return new RespondVerdicts(Map.of(), answers);
  }

  /**
   * What these exact argument bytes parsed to when the answers were computed (the request and
   * response of the check; its root key is the one of that time).
   */
  Optional<RespondCheck> parsed(byte[] respondArgs) {
    return parsedArgs.isEmpty() ? Optional.empty() : Optional.ofNullable(parsedArgs.get(latin1(respondArgs)));
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
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
