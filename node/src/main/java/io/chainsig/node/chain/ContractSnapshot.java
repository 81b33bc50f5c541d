package io.chainsig.node.chain;

import io.chainsig.crypto.Secp256k1Point;
import java.util.List;
import java.util.Optional;

/**
 * The contract as the node last read it.
 *
 * @param phase the life-cycle phase
 * @param epoch the key epoch (changes with every reshare)
 * @param participants the current participants
 * @param threshold the contract's threshold: participants needed to reconstruct (t + 1)
 * @param publicKey the root key once generated
 * @param pending the sign requests waiting for a response
 * @param pkVoters accounts that have voted for the key in this epoch
 * @param proposed while resharing: the participant set and threshold taking over
 * @param reshareVoters while resharing: accounts that reported the reshare done
 * @param prospectiveEpoch the epoch the running (or the next) reshare produces; above {@code
 *     epoch}, and above every cancelled reshare's epoch (docs/contract.md, "Epochs")
 */
public record ContractSnapshot(
    ContractPhase phase,
    long epoch,
    List<ChainParticipant> participants,
    int threshold,
    Optional<Secp256k1Point> publicKey,
    List<PendingSign> pending,
    List<String> pkVoters,
    Optional<Proposal> proposed,
    List<String> reshareVoters,
    long prospectiveEpoch) {
  /**
   * A proposed participant set.
   *
   * @param participants the new participants
   * @param threshold the new threshold (t' + 1)
   */
  public record Proposal(List<ChainParticipant> participants, int threshold) {
    /** Copies. */
    public Proposal {
      participants = List.copyOf(participants);
    }
  }

  /** Copies the lists and checks the epochs. */
  public ContractSnapshot {
    if (epoch < 0 || prospectiveEpoch <= epoch) {
      throw new IllegalArgumentException(
          "epochs out of order: epoch " + epoch + ", prospective epoch " + prospectiveEpoch);
    }
    participants = List.copyOf(participants);
    pending = List.copyOf(pending);
    pkVoters = List.copyOf(pkVoters);
    reshareVoters = List.copyOf(reshareVoters);
  }

  /** This snapshot with another list of pending requests (the contract's state as it is here). */
  public ContractSnapshot withPending(List<PendingSign> requests) {
    return new ContractSnapshot(phase, epoch, participants, threshold, publicKey, requests, pkVoters, proposed,
        reshareVoters, prospectiveEpoch);
  }

  /** The most participants that may be malicious: threshold - 1. */
  public int maxMalicious() {
    return threshold - 1;
  }

  /** The participant with this account, if listed. */
  public Optional<ChainParticipant> participant(String accountId) {
    return participants.stream().filter(p -> p.accountId().equals(accountId)).findFirst();
  }
}
