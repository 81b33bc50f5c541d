package io.chainsig.contract;

import io.chainsig.derivation.NearAccountId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A participant set with its threshold: how many participants must agree (votes, signing).
 *
 * @param participants the participants, at least one, with distinct accounts and ids
 * @param threshold votes needed, between 1 and the number of participants
 */
public record ThresholdParameters(List<Participant> participants, int threshold) {
  /** Validates the set and the threshold. */
  public ThresholdParameters {
    if (participants == null || participants.isEmpty()) {
      throw new ContractException("the participant set is empty");
    }
    participants = List.copyOf(participants);
    Set<NearAccountId> accounts = new HashSet<>();
    Set<Integer> ids = new HashSet<>();
    for (Participant p : participants) {
      if (!accounts.add(p.accountId())) {
        throw new ContractException("participant account " + p.accountId() + " appears twice");
      }
      if (!ids.add(p.participantId())) {
        throw new ContractException("participant id " + p.participantId() + " appears twice");
      }
    }
    if (threshold < 1 || threshold > participants.size()) {
      throw new ContractException(
          "threshold must be between 1 and " + participants.size() + ", got " + threshold);
    }
  }

  /** The participant with this account, if any. */
  public Optional<Participant> find(NearAccountId account) {
    return participants.stream().filter(p -> p.accountId().equals(account)).findFirst();
  }

  /** True if the account is a participant. */
  public boolean contains(NearAccountId account) {
    return find(account).isPresent();
  }
}
