package io.chainsig.tss.keygen;

import io.chainsig.crypto.group.PrimeOrderGroup;
import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.Protocol;
import io.chainsig.tss.ProtocolSetupException;
import io.chainsig.tss.SessionId;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Reshare ({@code docs/protocols/reshare.md}): old share holders deal {@code lambda_i * x_i} to a
 * new participant set with a new threshold; the new holders end with fresh shares of the same
 * secret and the same public key. Old-only parties end with no share. Every old share, and every
 * presignature made with one, must be discarded afterwards.
 */
public final class Reshare {
  private Reshare() {}

  /**
   * Starts reshare for participant {@code me}.
   *
   * @param oldKey the public side of the key being reshared
   * @param dealers the old participants taking part, at least old t+1 of them
   * @param myOldShare this party's old share; required if and only if {@code me} is a dealer
   * @param newParticipants the holders of the new shares
   * @param newThreshold the new degree t'
   * @throws ProtocolSetupException on an inconsistent set of arguments
   */
  public static <S, E> Protocol<Optional<KeyShare<S, E>>> start(
      PrimeOrderGroup<S, E> group,
      SessionId session,
      ParticipantId me,
      PublicKeyShares<E> oldKey,
      ParticipantSet dealers,
      Optional<KeyShare<S, E>> myOldShare,
      ParticipantSet newParticipants,
      MaxMalicious newThreshold,
      SecureRandom random) {
    KeyGeneration.requireArguments(
        group, session, me, oldKey, dealers, myOldShare, newParticipants, newThreshold, random);
    if (!dealers.isSubsetOf(oldKey.participants())) {
      throw new ProtocolSetupException("dealers " + dealers + " are not all old participants");
    }
    if (dealers.size() < oldKey.threshold().reconstruction().value()) {
      throw new ProtocolSetupException(
          "reshare needs at least " + oldKey.threshold().reconstruction().value()
              + " old participants, got " + dealers.size());
    }
    KeyGeneration.requireThreshold(newParticipants, newThreshold);
    if (!dealers.contains(me) && !newParticipants.contains(me)) {
      throw new ProtocolSetupException(me + " takes no part in this reshare");
    }
    S secret = null;
    if (dealers.contains(me)) {
      KeyShare<S, E> old = myOldShare.orElseThrow(
          () -> new ProtocolSetupException(me + " is a dealer but has no old share"));
      if (!old.owner().equals(me) || !old.publicShares().equals(oldKey)) {
        throw new ProtocolSetupException("old share does not belong to " + me + " and this key");
      }
      // reshare.md step 1: deal lambda_i * x_i over the dealer set.
      secret = group.multiply(dealers.lagrangeAtZero(group, me), old.secretShare());
    } else if (myOldShare.isPresent()) {
      throw new ProtocolSetupException(me + " has an old share but is not listed as a dealer");
    }
    return new PedPop<>(
        group, session, me, dealers, newParticipants, newThreshold, secret, oldKey, random);
  }
}
