package io.chainsig.tss.keygen;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import io.chainsig.tss.internal.MappedProtocol;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Distributed key generation (PedPop with echo broadcast, {@code docs/protocols/keygen.md}): the
 * participants end with a degree-t Shamir sharing of a fresh random secret key and agree on its
 * public key. Four rounds; nobody finishes unless every participant confirmed the same key.
 */
public final class KeyGeneration {
  private KeyGeneration() {}

  /**
   * Starts key generation for participant {@code me}.
   *
   * @throws ProtocolSetupException if {@code me} is not a participant or the threshold is not
   *     below the number of participants
   */
  public static <S, E> Protocol<KeyShare<S, E>> start(
      PrimeOrderGroup<S, E> group,
      SessionId session,
      ParticipantSet participants,
      ParticipantId me,
      MaxMalicious threshold,
      SecureRandom random) {
    requireArguments(group, session, participants, me, threshold, random);
    if (!participants.contains(me)) {
      throw new ProtocolSetupException(me + " is not one of the participants " + participants);
    }
    requireThreshold(participants, threshold);
    S secret = group.randomNonZeroScalar(random);
    return new MappedProtocol<>(
        new PedPop<>(group, session, me, participants, participants, threshold, secret, null, random),
        share -> share.orElseThrow());
  }

  static void requireArguments(Object... args) {
    for (Object a : args) {
      Objects.requireNonNull(a, "missing protocol argument");
    }
  }

  static void requireThreshold(ParticipantSet participants, MaxMalicious threshold) {
    if (threshold.value() >= participants.size()) {
      throw new ProtocolSetupException(
          "threshold t=" + threshold.value() + " needs more than " + participants.size() + " participants");
    }
  }
}
