package io.chainsig.tss.keygen;

import io.chainsig.tss.MaxMalicious;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ParticipantSet;
import io.chainsig.tss.ProtocolSetupException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public side of a shared key: the participants, the threshold, the public key {@code X = x*G}
 * and every participant's verification share {@code X_j = x_j*G}. All holders of the key agree on
 * it; reshare needs it, also at parties that hold no share yet.
 *
 * @param <E> the group element type
 * @param participants the share holders
 * @param threshold the degree t of the sharing
 * @param publicKey X
 * @param verificationShares X_j for every participant j
 */
public record PublicKeyShares<E>(
    ParticipantSet participants,
    MaxMalicious threshold,
    E publicKey,
    Map<ParticipantId, E> verificationShares) {
  /** Validates that there is a verification share for exactly the participants. */
  public PublicKeyShares {
    if (participants == null || threshold == null || publicKey == null) {
      throw new ProtocolSetupException("missing public key share field");
    }
    if (!verificationShares.keySet().equals(new java.util.HashSet<>(participants.ids()))) {
      throw new ProtocolSetupException("verification shares do not match the participants");
    }
    if (threshold.value() >= participants.size()) {
      throw new ProtocolSetupException("threshold " + threshold.value() + " needs more participants");
    }
    verificationShares = java.util.Collections.unmodifiableMap(new TreeMap<>(verificationShares));
  }
}
