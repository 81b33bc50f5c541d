package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code vote_cancel_resharing}: a reshare that cannot finish is given up by the current set. */
class ReshareCancelTest {
  private final ContractFixture f = new ContractFixture();
  /** n1..n3 (threshold 2) -> n1..n4 (threshold 3). */
  private final ThresholdParameters withN4 = new ThresholdParameters(
      List.of(participant(N1, 0), participant(N2, 1), participant(N3, 2), participant(N4, 3)), 3);

  private void resharingTo(ThresholdParameters next, long prospectiveEpoch) {
    f.contract.voteNewParameters(call(N1, 5), prospectiveEpoch, next);
    assertThat(f.contract.voteNewParameters(call(N2, 5), prospectiveEpoch, next)).isEqualTo(ContractPhase.Resharing);
  }

  private JsonNode stateView() throws Exception {
    return ContractJson.MAPPER.readTree(SignerContractAbi.view(f.contract, "state", new byte[0]));
  }

  @Test
  void thresholdOfCurrentParticipantsCancelsBackToTheOldParametersAndEpoch() {
    f.running();
    resharingTo(withN4, 1);
    // n4 finished and reported; the reshare still lacks votes (proposed threshold 3)
    assertThat(f.contract.voteReshared(call(N4, 6), 1)).isEqualTo(ContractPhase.Resharing);
    assertThat(f.contract.votes()).containsKey("reshared:1");

    assertThat(f.contract.voteCancelResharing(call(N1, 7))).isEqualTo(ContractPhase.Resharing);
    // a repeated vote counts once
    assertThat(f.contract.voteCancelResharing(call(N1, 8))).isEqualTo(ContractPhase.Resharing);
    assertThat(f.contract.votes()).containsEntry("cancel_resharing:1", List.of(N1.value()));
    assertThat(f.contract.voteCancelResharing(call(N3, 9))).isEqualTo(ContractPhase.Running);

    assertThat(f.contract.parameters()).contains(threeOfTwo());
    assertThat(f.contract.proposedParameters()).isEmpty();
    assertThat(f.contract.epoch()).isZero();
    assertThat(f.contract.publicKey(0)).isEqualTo(f.root.publicKey());
    assertThat(f.contract.votes()).as("the cancelled reshare's votes are dropped").isEmpty();
    assertThat(f.contract.cancelledReshareEpoch()).isEqualTo(OptionalLong.of(1));
    assertThat(f.contract.prospectiveEpoch()).isEqualTo(2);
    // late votes for the cancelled reshare are refused
    assertThatThrownBy(() -> f.contract.voteReshared(call(N2, 10), 1))
        .hasMessageContaining("vote_reshared is only accepted in state Resharing, not Running");
  }

  @Test
  void theCurrentThresholdCountsNotTheProposedOne() {
    f.running();
    // the proposal needs 1 vote_reshared; cancelling still needs 2 (the current threshold)
    resharingTo(new ThresholdParameters(List.of(participant(N4, 3)), 1), 1);
    assertThat(f.contract.voteCancelResharing(call(N2, 6))).isEqualTo(ContractPhase.Resharing);
    assertThat(f.contract.voteCancelResharing(call(N1, 6))).isEqualTo(ContractPhase.Running);
  }

  @Test
  void onlyCurrentParticipantsMayVoteAndOnlyWhileResharing() {
    assertThatThrownBy(() -> f.contract.voteCancelResharing(call(N1, 1)))
        .isInstanceOf(ContractException.class)
        .hasMessage("vote_cancel_resharing is only accepted in state Resharing, not NotInitialized");
    f.initialized();
    assertThatThrownBy(() -> f.contract.voteCancelResharing(call(N1, 2)))
        .hasMessage("vote_cancel_resharing is only accepted in state Resharing, not Initializing");
    f.contract.votePk(call(N1, 2), 0, f.root.publicKey());
    f.contract.votePk(call(N2, 2), 0, f.root.publicKey());
    assertThatThrownBy(() -> f.contract.voteCancelResharing(call(N1, 3)))
        .hasMessage("vote_cancel_resharing is only accepted in state Resharing, not Running");
    resharingTo(withN4, 1);
    // the joining participant and outsiders do not vote on the cancellation
    assertThatThrownBy(() -> f.contract.voteCancelResharing(call(N4, 6)))
        .hasMessage("account n4.test.near is not a current participant; only the current participants may vote"
            + " to cancel the reshare");
    assertThatThrownBy(() -> f.contract.voteCancelResharing(call(ALICE, 6))).hasMessageContaining("not a current participant");
    assertThat(f.contract.votes()).isEmpty();
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.Resharing);
  }

  @Test
  void aReshareAfterACancellationUsesAFreshEpoch() {
    f.running();
    resharingTo(withN4, 1);
    f.contract.voteCancelResharing(call(N1, 6));
    f.contract.voteCancelResharing(call(N2, 6));
    assertThatThrownBy(() -> f.contract.voteNewParameters(call(N1, 7), 1, withN4))
        .hasMessageContaining("prospective epoch must be 2, got 1");
    resharingTo(withN4, 2);
    // cancelled again: the epoch after that is 3
    f.contract.voteCancelResharing(call(N2, 8));
    f.contract.voteCancelResharing(call(N3, 8));
    assertThat(f.contract.cancelledReshareEpoch()).isEqualTo(OptionalLong.of(2));
    assertThat(f.contract.epoch()).isZero();
    resharingTo(withN4, 3);
    assertThatThrownBy(() -> f.contract.voteReshared(call(N4, 9), 1)).hasMessageContaining("the reshare is for epoch 3, got 1");
    f.contract.voteReshared(call(N1, 9), 3);
    f.contract.voteReshared(call(N2, 9), 3);
    assertThat(f.contract.voteReshared(call(N4, 9), 3)).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.epoch()).isEqualTo(3);
    assertThat(f.contract.parameters()).contains(withN4);
    assertThat(f.contract.prospectiveEpoch()).isEqualTo(4);
    assertThat(f.contract.publicKey(0)).isEqualTo(f.root.publicKey());
  }

  @Test
  void requestsPendingAtTheCancellationAreAnsweredByTheOldSet() {
    f.running();
    resharingTo(withN4, 1);
    RequestKey during = f.sign("c1", 6);
    f.contract.voteCancelResharing(call(N1, 7));
    f.contract.voteCancelResharing(call(N2, 7));
    assertThat(f.contract.pendingRequests()).hasSize(1);
    assertThatThrownBy(() -> f.contract.respond(call(N4, 8), during, f.root.sign(during))).hasMessageContaining("not a participant");
    assertThat(f.contract.respond(call(N3, 8), during, f.root.sign(during))).hasSize(1);
  }

  @Test
  void throughTheAbiAndTheStateView() throws Exception {
    f.running();
    assertThat(stateView().path("Running").path("prospective_epoch_id").asLong()).isEqualTo(1);
    assertThat(stateView().path("Running").has("previously_cancelled_resharing_epoch_id")).isFalse();
    resharingTo(withN4, 1);
    assertThat(stateView().path("Resharing").path("prospective_epoch_id").asLong()).isEqualTo(1);
    byte[] args = "{}".getBytes(StandardCharsets.UTF_8);
    CallOutcome first = SignerContractAbi.call(f.contract, call(N1, 6, BigInteger.ZERO), "vote_cancel_resharing", args, "c");
    assertThat(((CallOutcome.Returned) first).valueJson()).isEqualTo("\"Resharing\"");
    assertThat(stateView().path("Resharing").path("votes").path("cancel_resharing:1").get(0).asText()).isEqualTo(N1.value());
    CallOutcome second = SignerContractAbi.call(f.contract, call(N2, 6, BigInteger.ZERO), "vote_cancel_resharing", new byte[0], "c");
    assertThat(((CallOutcome.Returned) second).valueJson()).isEqualTo("\"Running\"");
    JsonNode running = stateView().path("Running");
    assertThat(running.path("epoch").asLong()).isZero();
    assertThat(running.path("prospective_epoch_id").asLong()).isEqualTo(2);
    assertThat(running.path("previously_cancelled_resharing_epoch_id").asLong()).isEqualTo(1);
    assertThat(running.has("proposed_parameters")).isFalse();
    assertThatThrownBy(() -> SignerContractAbi.view(f.contract, "vote_cancel_resharing", args))
        .isInstanceOf(ProhibitedInViewException.class);
  }

  @Test
  void theCancelledEpochSurvivesTheCodecAndOlderSnapshotsHaveNone() {
    f.running();
    resharingTo(withN4, 1);
    f.contract.voteCancelResharing(call(N1, 6));
    byte[] midVote = ContractStateCodec.encode(f.contract);
    assertThat(ContractStateCodec.encode(ContractStateCodec.decode(midVote))).isEqualTo(midVote);
    f.contract.voteCancelResharing(call(N2, 6));
    byte[] snapshot = ContractStateCodec.encode(f.contract);
    SignerContract back = ContractStateCodec.decode(snapshot);
    assertThat(back.cancelledReshareEpoch()).isEqualTo(OptionalLong.of(1));
    assertThat(back.prospectiveEpoch()).isEqualTo(2);
    assertThat(ContractStateCodec.encode(back)).isEqualTo(snapshot);

    String older = new String(snapshot, StandardCharsets.UTF_8).replace(",\"cancelled_epoch\":1", "");
    assertThat(older).doesNotContain("cancelled_epoch");
    SignerContract fromOlder = ContractStateCodec.decode(older.getBytes(StandardCharsets.UTF_8));
    assertThat(fromOlder.cancelledReshareEpoch()).isEmpty();
    assertThat(fromOlder.prospectiveEpoch()).isEqualTo(1);
  }
}
