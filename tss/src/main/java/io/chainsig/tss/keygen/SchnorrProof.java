package io.chainsig.tss.keygen;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.TaggedHash;
import java.security.SecureRandom;

/**
 * A Schnorr proof of knowledge of the discrete logarithm {@code a} of {@code A = a*G}, bound to the
 * session id and the prover's participant id so it cannot be replayed in another run or by another
 * party (keygen.md step 1).
 *
 * @param <S> the scalar type
 * @param <E> the group element type
 * @param nonceCommitment R = r*G
 * @param response z = r + c*a
 */
public record SchnorrProof<S, E>(E nonceCommitment, S response) {
  private static final String LABEL = "chainsig/pedpop/proof-of-knowledge/v1";

  /** Proves knowledge of {@code secret} with {@code publicValue = secret*G}. */
  public static <S, E> SchnorrProof<S, E> prove(
      PrimeOrderGroup<S, E> group,
      SessionId session,
      ParticipantId prover,
      S secret,
      E publicValue,
      SecureRandom random) {
    S r = group.randomNonZeroScalar(random);
    E big = group.generatorTimes(r);
    S c = challenge(group, session, prover, publicValue, big);
    return new SchnorrProof<>(big, group.add(r, group.multiply(c, secret)));
  }

  /** Checks {@code z*G == R + c*A}. */
  public boolean verify(
      PrimeOrderGroup<S, E> group, SessionId session, ParticipantId prover, E publicValue) {
    S c = challenge(group, session, prover, publicValue, nonceCommitment);
    E lhs = group.generatorTimes(response);
    E rhs = group.addElements(nonceCommitment, group.scale(publicValue, c));
    return lhs.equals(rhs);
  }

  private static <S, E> S challenge(
      PrimeOrderGroup<S, E> group, SessionId session, ParticipantId prover, E publicValue, E big) {
    byte[] h =
        TaggedHash.wide(LABEL)
            .add(group.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .add(session.bytes())
            .addInt(prover.value())
            .add(group.encodeElement(publicValue))
            .add(group.encodeElement(big))
            .wideDigest();
    return group.scalarFromWideBytes(h);
  }
}
