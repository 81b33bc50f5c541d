package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceTest {
  private final ContractFixture f = new ContractFixture();
  private final List<Domain> secp = List.of(new Domain(0, SignatureScheme.Secp256k1));

  @Test
  void initMovesToInitializing() {
    f.initialized();
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.Initializing);
    assertThat(f.contract.parameters()).contains(threeOfTwo());
  }

  @Test
  void initOnlyByTheContractAccount() {
    assertThatThrownBy(() -> f.contract.init(call(ALICE, 1), threeOfTwo(), secp))
        .isInstanceOf(ContractException.class).hasMessageContaining("only the contract account");
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.NotInitialized);
  }

  @Test
  void initOnlyOnce() {
    f.initialized();
    assertThatThrownBy(() -> f.contract.init(call(SIGNER, 2), threeOfTwo(), secp))
        .hasMessageContaining("already initialized");
  }

  @Test
  void initNeedsDistinctDomains() {
    assertThatThrownBy(() -> f.contract.init(call(SIGNER, 1), threeOfTwo(), List.of()))
        .hasMessageContaining("at least one domain");
    assertThatThrownBy(() -> f.contract.init(call(SIGNER, 1), threeOfTwo(),
        List.of(new Domain(0, SignatureScheme.Secp256k1), new Domain(0, SignatureScheme.Ed25519))))
        .hasMessageContaining("distinct");
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> new ThresholdParameters(List.of(participant(N1, 0)), 0))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new ThresholdParameters(List.of(participant(N1, 0)), 2))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new ThresholdParameters(List.of(participant(N1, 0), participant(N1, 1)), 1))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new ThresholdParameters(List.of(participant(N1, 0), participant(N2, 0)), 1))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> new ThresholdParameters(List.of(), 1)).hasMessageContaining("empty");
  }

  @Test
  void votePkNeedsThresholdIdenticalVotes() {
    f.initialized();
    assertThat(f.contract.votePk(call(N1, 2), 0, f.root.publicKey())).isEqualTo(ContractPhase.Initializing);
    // a repeated vote of the same participant does not count twice
    assertThat(f.contract.votePk(call(N1, 3), 0, f.root.publicKey())).isEqualTo(ContractPhase.Initializing);
    // a vote for another key does not add to this key's count
    assertThat(f.contract.votePk(call(N2, 3), 0, TestRootKey.fixedOther().publicKey()))
        .isEqualTo(ContractPhase.Initializing);
    assertThat(f.contract.votePk(call(N3, 4), 0, f.root.publicKey())).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.publicKey(0)).isEqualTo(f.root.publicKey());
  }

  @Test
  void votePkRefusesNonParticipantsWrongPhaseAndWrongScheme() {
    assertThatThrownBy(() -> f.contract.votePk(call(N1, 2), 0, f.root.publicKey()))
        .hasMessageContaining("only accepted in state Initializing");
    f.initialized();
    assertThatThrownBy(() -> f.contract.votePk(call(ALICE, 2), 0, f.root.publicKey()))
        .hasMessageContaining("not a participant");
    assertThatThrownBy(() -> f.contract.votePk(call(N1, 2), 7, f.root.publicKey()))
        .hasMessageContaining("unknown domain 7");
    var ed = io.chainsig.derivation.NearPublicKey.parse("ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp");
    assertThatThrownBy(() -> f.contract.votePk(call(N1, 2), 0, ed)).hasMessageContaining("needs a Secp256k1 key");
  }

  @Test
  void runningNeedsEveryDomainsKey() {
    f.contract.init(call(SIGNER, 1), threeOfTwo(),
        List.of(new Domain(0, SignatureScheme.Secp256k1), new Domain(1, SignatureScheme.Ed25519)));
    f.contract.votePk(call(N1, 2), 0, f.root.publicKey());
    f.contract.votePk(call(N2, 2), 0, f.root.publicKey());
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.Initializing);
    assertThatThrownBy(() -> f.contract.votePk(call(N3, 2), 0, f.root.publicKey()))
        .hasMessageContaining("already has its key");
    var ed = io.chainsig.derivation.NearPublicKey.parse("ed25519:6E8sCci9badyRkXb3JoRpBj5p8C6Tw41ELDZoiihKEtp");
    f.contract.votePk(call(N1, 3), 1, ed);
    assertThat(f.contract.votePk(call(N3, 3), 1, ed)).isEqualTo(ContractPhase.Running);
  }

  @Test
  void reshareRunsThroughResharingBackToRunning() {
    f.running();
    ThresholdParameters next = new ThresholdParameters(
        List.of(participant(N2, 1), participant(N3, 2), participant(N4, 3)), 2);
    assertThat(f.contract.voteNewParameters(call(N1, 5), 1, next)).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.voteNewParameters(call(N2, 5), 1, next)).isEqualTo(ContractPhase.Resharing);
    assertThat(f.contract.proposedParameters()).contains(next);
    // signing goes on while resharing
    f.sign("c1", 6);
    assertThat(f.contract.pendingRequests()).hasSize(1);
    // only the new set reports the reshare done
    assertThatThrownBy(() -> f.contract.voteReshared(call(N1, 7), 1)).hasMessageContaining("not a participant");
    assertThatThrownBy(() -> f.contract.voteReshared(call(N4, 7), 2)).hasMessageContaining("epoch 1");
    assertThat(f.contract.voteReshared(call(N4, 7), 1)).isEqualTo(ContractPhase.Resharing);
    assertThat(f.contract.voteReshared(call(N3, 7), 1)).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.epoch()).isEqualTo(1);
    assertThat(f.contract.parameters()).contains(next);
    assertThat(f.contract.publicKey(0)).isEqualTo(f.root.publicKey());
  }

  @Test
  void voteNewParametersRefusals() {
    f.initialized();
    ThresholdParameters next = new ThresholdParameters(List.of(participant(N4, 3)), 1);
    assertThatThrownBy(() -> f.contract.voteNewParameters(call(N1, 5), 1, next))
        .hasMessageContaining("only accepted in state Running");
    f.contract.votePk(call(N1, 2), 0, f.root.publicKey());
    f.contract.votePk(call(N2, 2), 0, f.root.publicKey());
    assertThatThrownBy(() -> f.contract.voteNewParameters(call(N4, 5), 1, next))
        .hasMessageContaining("not a participant");
    assertThatThrownBy(() -> f.contract.voteNewParameters(call(N1, 5), 2, next))
        .hasMessageContaining("prospective epoch must be 1");
    assertThatThrownBy(() -> f.contract.voteNewParameters(call(N1, 5), 1, threeOfTwo()))
        .hasMessageContaining("equals the current");
    assertThatThrownBy(() -> f.contract.voteReshared(call(N1, 5), 1))
        .hasMessageContaining("only accepted in state Resharing");
  }

  @Test
  void votesForDifferentProposalsDoNotAddUp() {
    f.running();
    ThresholdParameters a = new ThresholdParameters(List.of(participant(N1, 0), participant(N4, 3)), 2);
    ThresholdParameters b = new ThresholdParameters(List.of(participant(N2, 1), participant(N4, 3)), 2);
    f.contract.voteNewParameters(call(N1, 5), 1, a);
    assertThat(f.contract.voteNewParameters(call(N2, 5), 1, b)).isEqualTo(ContractPhase.Running);
    // the same set in another order is the same proposal
    ThresholdParameters aReordered = new ThresholdParameters(List.of(participant(N4, 3), participant(N1, 0)), 2);
    assertThat(f.contract.voteNewParameters(call(N3, 5), 1, aReordered)).isEqualTo(ContractPhase.Resharing);
  }
}
