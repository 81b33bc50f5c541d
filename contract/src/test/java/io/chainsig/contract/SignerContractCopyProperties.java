package io.chainsig.contract;

import static io.chainsig.contract.ContractFixture.N1;
import static io.chainsig.contract.ContractFixture.N2;
import static io.chainsig.contract.ContractFixture.N3;
import static io.chainsig.contract.ContractFixture.N4;
import static io.chainsig.contract.ContractFixture.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.NearAccountId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SignerContract#copy()}: equal to the original, and independent of it afterwards. */
class SignerContractCopyProperties {
  private static final TestRootKey ROOT = TestRootKey.fixed();
  private static final List<NearAccountId> NODES = List.of(N1, N2, N3, N4);

  private static ThresholdParameters proposal(int which) {
    return new ThresholdParameters(List.of(ContractFixture.participant(N1, 0), ContractFixture.participant(N2, 1),
        ContractFixture.participant(which == 0 ? N4 : N3, 2), ContractFixture.participant(NODES.get(3 - which), 3)),
        3);
  }

  /** One random call; refusals leave the contract as it was, which is fine here. */
  private static void randomCall(SignerContract c, Random r, long[] height) {
    NearAccountId node = NODES.get(r.nextInt(NODES.size()));
    try {
      switch (r.nextInt(8)) {
        case 0, 1 -> c.sign(ContractFixture.signCall(height[0]), new SignArgs("p" + r.nextInt(4),
            Hex.encode(Hashes.sha256(new byte[] {(byte) r.nextInt(6)})), 0), "call" + r.nextInt(1_000_000));
        case 2 -> {
          List<PendingRequest> pending = c.pendingRequests();
          if (!pending.isEmpty()) {
            RequestKey key = pending.get(r.nextInt(pending.size())).key();
            c.respond(call(node, height[0]), key, ROOT.sign(key));
          }
        }
        case 3 -> c.onBlock(height[0] += r.nextInt(150));
        case 4 -> c.votePk(call(node, height[0]), 0, ROOT.publicKey());
        case 5 -> c.voteNewParameters(call(node, height[0]), c.prospectiveEpoch(), proposal(r.nextInt(2)));
        case 6 -> c.voteCancelResharing(call(node, height[0]));
        default -> c.voteReshared(call(node, height[0]), c.prospectiveEpoch());
      }
    } catch (ContractException e) {
      // refused: unchanged
    }
  }

  private static SignerContract randomContract(Random r, long[] height) {
    ContractFixture f = new ContractFixture().initialized();
    int calls = r.nextInt(40);
    for (int i = 0; i < calls; i++) {
      randomCall(f.contract, r, height);
    }
    return f.contract;
  }

  @Test
  void aCopyEqualsItsOriginalAndChangesToEitherLeaveTheOtherAlone() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      long[] height = {10};
      SignerContract original = randomContract(r, height);
      byte[] before = ContractStateCodec.encode(original);
      SignerContract copy = original.copy();
      assertThat(ContractStateCodec.encode(copy)).isEqualTo(before);
      for (int i = 0; i < 20; i++) {
        randomCall(copy, r, height);
      }
      assertThat(ContractStateCodec.encode(original)).isEqualTo(before);
      byte[] copied = ContractStateCodec.encode(copy);
      for (int i = 0; i < 20; i++) {
        randomCall(original, r, height);
      }
      assertThat(ContractStateCodec.encode(copy)).isEqualTo(copied);
    });
  }

  @Test
  void aVoteOnACopyDoesNotJoinTheOriginalsVoters() {
    ContractFixture f = new ContractFixture().initialized();
    f.contract.votePk(call(N1, 2), 0, ROOT.publicKey());
    SignerContract copy = f.contract.copy();
    // the second vote adds to the topic's voters, reaches the threshold and sets the key
    assertThat(copy.votePk(call(N2, 2), 0, ROOT.publicKey())).isEqualTo(ContractPhase.Running);
    assertThat(f.contract.phase()).isEqualTo(ContractPhase.Initializing);
    assertThat(f.contract.votes().values()).containsExactly(List.of(N1.value()));
    // and the other way round: a request queued on the copy is not pending on the original
    copy.sign(ContractFixture.signCall(3), new SignArgs("p", ContractFixture.PAYLOAD, 0), "c");
    assertThat(copy.pendingRequests()).hasSize(1);
    assertThat(f.contract.pendingRequests()).isEmpty();
  }
}
