package io.chainsig.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.chainsig.contract.ContractConfig;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.SignerContract;
import io.chainsig.near.rpc.ChainException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reading the real contract through JSON-RPC answers shaped as the sandbox's: the pending requests
 * on every read (incrementally, through {@code pending_requests_since}), the state on every read
 * except while a {@code Running} state is under a second old.
 */
class RpcContractGatewayTest {
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private ContractRpcFake chain;
  private RpcContractGateway gateway;

  @BeforeEach
  void start() throws Exception {
    chain = new ContractRpcFake(ContractConfig.defaults(), 7);
    gateway = chain.gateway(clock::get);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private static String payload(int i) {
    return String.format("%064x", i + 1);
  }

  private RequestKey sign(int i) {
    return chain.sign("p" + i, payload(i));
  }

  private void running() {
    chain.init(3);
    chain.votePks();
    chain.seal();
  }

  private void vote(String who, String args) {
    chain.call(who, "vote_new_parameters", args, BigInteger.ZERO);
  }

  /** Reads and checks the pending list against a full reading of the same state. */
  private List<PendingSign> readPending() throws Exception {
    List<PendingSign> read = gateway.read().pending();
    assertThat(read).isEqualTo(chain.fullList());
    return read;
  }

  @Test
  void aRunningStateIsReadAgainOnlyAfterASecondWhilePendingRequestsAreReadEveryTime() throws Exception {
    running();
    ContractSnapshot first = gateway.read();
    assertThat(first.phase()).isEqualTo(ContractPhase.Running);
    assertThat(chain.views).containsEntry("state", 1).containsEntry("pending_requests_since", 1);

    sign(1);
    clock.addAndGet(RpcContractGateway.STATE_MAX_AGE_NANOS - 1);
    ContractSnapshot second = gateway.read();
    assertThat(chain.views).containsEntry("state", 1).containsEntry("pending_requests_since", 2);
    assertThat(second.pending()).hasSize(1);
    assertThat(second.withPending(List.of())).isEqualTo(first);

    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + ContractSnapshotParserTest.participants(4) + "}";
    vote("node1.test.near", vote);
    vote("node2.test.near", vote);
    assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Running); // a second late at most
    clock.addAndGet(1);
    ContractSnapshot resharing = gateway.read();
    assertThat(chain.views).containsEntry("state", 2).containsEntry("pending_requests_since", 4);
    assertThat(resharing.phase()).isEqualTo(ContractPhase.Resharing);
    assertThat(resharing.pending()).hasSize(1);
    assertThat(chain.views).doesNotContainKey("pending_requests");
  }

  @Test
  void everyReadReadsTheStateWhileTheContractIsNotRunning() throws Exception {
    chain.init(3);
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Initializing);
    }
    assertThat(chain.views).containsEntry("state", 3);
    chain.votePks();
    assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Running);
    assertThat(chain.views).containsEntry("state", 4);

    String vote = "{\"prospective_epoch_id\":1,\"proposal\":" + ContractSnapshotParserTest.participants(4) + "}";
    vote("node1.test.near", vote);
    vote("node2.test.near", vote);
    clock.addAndGet(RpcContractGateway.STATE_MAX_AGE_NANOS);
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.read().phase()).isEqualTo(ContractPhase.Resharing);
    }
    assertThat(chain.views).containsEntry("state", 7).containsEntry("pending_requests_since", 7);
  }

  @Test
  void readsWhatTheParserMakesOfBothViews() throws Exception {
    running();
    for (int i = 0; i < 48; i++) {
      sign(i);
    }
    ContractSnapshot read = gateway.read();
    ContractSnapshot expected = ContractSnapshotParser.parse(chain.view("state"), chain.view("pending_requests"));
    assertThat(read).isEqualTo(expected);
    assertThat(read.pending()).hasSize(48);
    assertThat(gateway.read()).isEqualTo(expected); // from the kept state and the kept requests
  }

  @Test
  void eachReadAsksFromOneBlockBelowTheHighestSeenAndListsOnlyTheRequestsFromThere() throws Exception {
    running();
    long highest = -1;
    for (int block = 0; block < 8; block++) {
      for (int i = 0; i < (block == 1 ? 20 : 3); i++) {
        sign(100 * block + i);
      }
      chain.seal();
      List<PendingSign> full = chain.fullList();
      assertThat(readPending()).isEqualTo(full);
      long asked = chain.sinceAsked.getLast();
      assertThat(asked).isEqualTo(Math.max(0, highest - 1));
      assertThat(chain.sinceListed.getLast()).isEqualTo(full.stream().filter(p -> p.blockHeight() >= asked).count());
      highest = full.stream().mapToLong(PendingSign::blockHeight).max().orElseThrow();
    }
    assertThat(chain.sinceAsked).hasSize(8);
    // of 41 pending: the new block's 3 and the 6 of the two blocks of overlap
    assertThat(chain.sinceListed.getLast()).isEqualTo(9);
    assertThat(chain.views).doesNotContainKey("pending_requests");
  }

  @Test
  void requestsOfTheBlockStillOpenAtTheLastReadAreListedAgainAndKeptOnce() throws Exception {
    running();
    sign(1);
    sign(2);
    assertThat(readPending()).hasSize(2);
    sign(3); // the same open block
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p1", "p2", "p3");
    assertThat(chain.sinceListed).containsExactly(2, 3);
    sign(1); // another call for request 1: one more waiting call, the same entry
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p1", "p2", "p3");
  }

  @Test
  void aRequestThatCameAgainWithAnotherBlocksEntropyReplacesTheOneSeen() throws Exception {
    running();
    sign(1);
    chain.seal();
    sign(2);
    List<PendingSign> before = readPending();
    chain.loseOpenBlock(); // a sandbox restart: request 2 is gone, its caller sends it again
    sign(2);
    List<PendingSign> after = readPending();
    assertThat(after).hasSize(2);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(after.get(1).requestIdHex()).isEqualTo(before.get(1).requestIdHex());
    assertThat(after.get(1).entropyHex()).isNotEqualTo(before.get(1).entropyHex());
    assertThat(chain.sinceAsked).containsExactly(0L, chain.height() - 1); // no full read needed
  }

  @Test
  void answeredAndTimedOutRequestsLeaveTheList() throws Exception {
    chain.close();
    chain = new ContractRpcFake(new ContractConfig(6, 16), 8);
    gateway = chain.gateway(clock::get);
    running();
    RequestKey[] keys = new RequestKey[5];
    for (int i = 0; i < 5; i++) {
      keys[i] = sign(i);
      chain.seal();
    }
    assertThat(readPending()).hasSize(5);
    chain.respond(keys[2]);
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p0", "p1", "p3", "p4");
    chain.seal();
    chain.seal(); // request 0 has waited 6 blocks
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p1", "p3", "p4");
    chain.respond(keys[4]);
    chain.respond(keys[3]);
    chain.respond(keys[1]);
    assertThat(readPending()).isEmpty();
    keys[2] = sign(2); // answered before, asked again
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p2");
    assertThat(chain.sinceAsked).hasSize(5).startsWith(0L);
    assertThat(chain.sinceAsked.subList(1, 5)).doesNotContain(0L);
  }

  @Test
  void aChainThatWentBackIsReadInFullOnce() throws Exception {
    running();
    sign(1);
    chain.seal();
    SignerContract early = chain.lastProduced();
    long earlyHeight = chain.height() - 1;
    for (int i = 2; i < 6; i++) {
      sign(i);
      chain.seal();
    }
    assertThat(readPending()).hasSize(5);
    chain.goBackTo(early, earlyHeight); // four blocks lost
    sign(7);
    chain.seal();
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p1", "p7");
    // from the block below request 5's, then in full: request 7 came in a block below that
    assertThat(chain.sinceAsked).containsExactly(0L, earlyHeight + 3, 0L);
    sign(8);
    assertThat(readPending()).extracting(PendingSign::path).containsExactly("p1", "p7", "p8");
    assertThat(chain.sinceAsked).hasSize(4).last().isEqualTo(earlyHeight);
  }

  @Test
  void aRequestTakenInAgainBelowTheHeightAskedIsNoticed() throws Exception {
    running();
    sign(1);
    chain.seal();
    SignerContract early = chain.lastProduced();
    long earlyHeight = chain.height() - 1;
    chain.seal();
    chain.seal();
    sign(2);
    List<PendingSign> before = readPending();
    chain.goBackTo(early, earlyHeight); // request 2 lost with three blocks; sent again lower down
    sign(2);
    List<PendingSign> after = readPending();
    assertThat(after.get(1).blockHeight()).isLessThan(before.get(1).blockHeight());
    assertThat(chain.sinceAsked).endsWith(0L);
  }

  @Test
  void aRestartedNodeReadsInFull() throws Exception {
    running();
    for (int i = 0; i < 4; i++) {
      sign(i);
      chain.seal();
    }
    readPending();
    readPending();
    gateway = chain.gateway(clock::get);
    assertThat(readPending()).hasSize(4);
    assertThat(chain.sinceAsked.get(0)).isZero();
    assertThat(chain.sinceAsked.get(1)).isPositive();
    assertThat(chain.sinceAsked.get(2)).isZero();
  }

  @ParameterizedTest
  @EnumSource(value = ContractRpcFake.SinceView.class, names = {"MISSING", "MISSING_AS_RESULT_ERROR"})
  void aContractWithoutTheViewIsReadThroughPendingRequestsFromThenOn(ContractRpcFake.SinceView missing)
      throws Exception {
    chain.sinceView = missing;
    running();
    sign(1);
    assertThat(readPending()).hasSize(1);
    sign(2);
    assertThat(readPending()).hasSize(2);
    assertThat(chain.views).containsEntry("pending_requests_since", 1).containsEntry("pending_requests", 2);
  }

  @Test
  void aFullAnswerThatDoesNotAddUpMakesTheNodeReadPendingRequestsFromThenOn() throws Exception {
    running();
    sign(1);
    assertThat(readPending()).hasSize(1);
    chain.seal();
    // a contract whose ids are not the node's request ids
    chain.rewriteSince = o -> {
      o.withArray("pending").set(0, TextNode.valueOf("0".repeat(32)));
      return o;
    };
    sign(2);
    assertThat(readPending()).hasSize(2);
    assertThat(chain.sinceAsked).hasSize(3).endsWith(0L);
    assertThat(chain.views).containsEntry("pending_requests", 1);
    assertThat(readPending()).hasSize(2);
    assertThat(chain.views).containsEntry("pending_requests_since", 3).containsEntry("pending_requests", 2);
  }

  @Test
  void otherErrorsOfTheViewAreTheReadsAndDoNotSwitchItOff() throws Exception {
    running();
    sign(1);
    chain.rewriteSince = o -> {
      throw new io.chainsig.contract.ContractException("out of gas");
    };
    assertThatThrownBy(() -> gateway.read()).isInstanceOf(ChainException.class).hasMessageContaining("out of gas");
    chain.rewriteSince = o -> o.put("pending", 3);
    assertThatThrownBy(() -> gateway.read()).isInstanceOf(ChainException.class).hasMessageContaining("pending_requests_since");
    chain.rewriteSince = UnaryOperator.identity();
    assertThat(readPending()).hasSize(1);
    assertThat(chain.views).doesNotContainKey("pending_requests");
    assertThat(RpcContractGateway.methodNotFound(new ChainException("query failed: UNKNOWN_BLOCK"))).isFalse();
  }
}
