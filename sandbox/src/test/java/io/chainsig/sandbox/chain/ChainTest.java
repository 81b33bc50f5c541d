package io.chainsig.sandbox.chain;

import static io.chainsig.sandbox.chain.ChainFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.ContractJson;
import io.chainsig.contract.RequestKey;
import io.chainsig.contract.RespondCheck;
import io.chainsig.contract.RespondVerdicts;
import io.chainsig.contract.SignatureResponse;
import io.chainsig.contract.TestRootKey;
import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.sandbox.state.BuiltinContracts;
import io.chainsig.sandbox.state.ExecutionStatus;
import io.chainsig.sandbox.state.RespondPrecheck;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChainTest {
  private static final String PAYLOAD = "2a".repeat(32);
  private final ChainFixture f = new ChainFixture();
  private final TestRootKey mpc = TestRootKey.fixed();
  private ValidatorKey alice;
  private ValidatorKey node;

  /** signer.test.near runs the contract with node1 as its only participant; alice exists. */
  private void runningSigner() {
    ValidatorKey signer = f.createAccount("signer.test.near");
    node = f.createAccount("node1.test.near");
    alice = f.createAccount("alice.test.near");
    f.submit(f.tx(signer, "signer.test.near", new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    f.submit(f.tx(signer, "signer.test.near", call("init",
        "{\"parameters\":{\"participants\":[[\"node1.test.near\",0,{\"url\":\"https://n\",\"tls_public_key\":\""
            + node.publicKey() + "\"}]],\"threshold\":1},\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}",
        BigInteger.ZERO)));
    TxRecord vote = f.submit(f.tx(node, "signer.test.near", call("vote_pk",
        "{\"domain_id\":0,\"public_key\":\"" + mpc.publicKey().toNearString() + "\"}", BigInteger.ZERO)));
    assertThat(vote.status()).isEqualTo(new ExecutionStatus.SuccessValue(
        Base64.getEncoder().encodeToString("\"Running\"".getBytes(StandardCharsets.UTF_8))));
    f.block();
  }

  private TxRecord sign(String path) {
    return f.submit(signTx(alice, f.nonceOf(alice) + 1, path));
  }

  private SignedTransaction signTx(ValidatorKey from, long nonce, String path) {
    return f.tx(from, nonce, "signer.test.near", call("sign",
        "{\"request\":{\"path\":\"" + path + "\",\"payload_v2\":{\"Ecdsa\":\"" + PAYLOAD + "\"},\"domain_id\":0}}",
        BigInteger.ONE));
  }

  private TxRecord respond(String path) {
    return f.submit(respondTx(path, mpc.sign(key(path))));
  }

  private static RequestKey key(String path) {
    return key("alice.test.near", path);
  }

  private static RequestKey key(String predecessor, String path) {
    return new RequestKey(DerivationTweak.of(NearAccountId.of(predecessor), path).toHex(), PAYLOAD, 0);
  }

  private SignedTransaction respondTx(String path, SignatureResponse sig) {
    return respondTx(f.nonceOf(node) + 1, key(path), sig);
  }

  private SignedTransaction respondTx(long nonce, RequestKey key, SignatureResponse sig) {
    return f.tx(node, nonce, "signer.test.near", call("respond", "{\"request\":"
        + ContractJson.requestKeyJson(key) + ",\"response\":" + ContractJson.responseJson(sig) + "}",
        BigInteger.ZERO));
  }

  /** The outcome of a respond whose signature does not verify, as the contract's refusal. */
  private static final String WRONG_SIGNATURE = "{\"ActionError\":{\"index\":0,\"kind\":{\"FunctionCallError\":"
      + "{\"ExecutionError\":\"Smart contract panicked: invalid signature: signature does not verify under the"
      + " derived key\"}}}}";

  @Test
  void aRespondsSignatureIsCheckedBeforeExecutionAndAValidOneResolvesTheSign() {
    runningSigner();
    TxRecord pending = sign("p");
    SignedTransaction good = respondTx("p", mpc.sign(key("p")));
    assertThat(RespondPrecheck.of(good, f.chain::account).size()).isEqualTo(1);
    assertThat(f.submit(good).status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
    f.block();
    assertThat(f.chain.tx(pending.hash()).orElseThrow().status()).isInstanceOf(ExecutionStatus.SuccessValue.class);
  }

  @Test
  void aWrongSignatureIsRefusedWithTheSameErrorWithOrWithoutPrecheck() {
    runningSigner();
    TxRecord pending = sign("p");
    SignedTransaction prechecked = respondTx("p", TestRootKey.fixedOther().sign(key("p")));
    assertThat(RespondPrecheck.of(prechecked, f.chain::account).size()).isEqualTo(1);
    TxRecord refused = f.submit(prechecked);
    assertThat(((ExecutionStatus.Failure) refused.status()).error().toString()).isEqualTo(WRONG_SIGNATURE);
    TxRecord refusedInside = f.chain.submit(respondTx("p", TestRootKey.fixedOther().sign(key("p"))), RespondVerdicts.NONE);
    assertThat(refusedInside.status()).isEqualTo(refused.status());
    f.block();
    assertThat(f.chain.tx(pending.hash()).orElseThrow().finished()).isFalse();
  }

  @Test
  void answersComputedBeforeTheRootKeyChangedAreNotUsed() {
    runningSigner();
    TxRecord pending = sign("p");
    TestRootKey other = TestRootKey.fixedOther();
    SignatureResponse forged = other.sign(key("p"));
    SignatureResponse real = mpc.sign(key("p"));
    // as if checked while the contract's key was other's: the forged signature valid, the real one not
    RespondVerdicts stale = RespondVerdicts.compute(List.of(new RespondCheck(other.publicKey().point(), key("p"), forged),
        new RespondCheck(other.publicKey().point(), key("p"), real)));
    assertThat(stale.failure(new RespondCheck(other.publicKey().point(), key("p"), forged))).isEmpty();
    TxRecord refused = f.chain.submit(respondTx("p", forged), stale);
    assertThat(((ExecutionStatus.Failure) refused.status()).error().toString()).isEqualTo(WRONG_SIGNATURE);
    assertThat(f.chain.submit(respondTx("p", real), stale).status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
    f.block();
    assertThat(f.chain.tx(pending.hash()).orElseThrow().status()).isInstanceOf(ExecutionStatus.SuccessValue.class);
  }

  @Test
  void genesisAndBlocks() {
    Block genesis = f.chain.head();
    assertThat(genesis.height()).isZero();
    assertThat(f.chain.account("test.near").orElseThrow().amount()).isEqualTo(Chain.ROOT_BALANCE);
    Set<String> randoms = new HashSet<>();
    Block prev = genesis;
    for (int i = 0; i < 5; i++) {
      Block b = f.block();
      assertThat(b.height()).isEqualTo(prev.height() + 1);
      assertThat(b.prevHash()).isEqualTo(prev.hash());
      assertThat(b.timestampNanos()).isGreaterThan(prev.timestampNanos());
      assertThat(f.chain.blockByHash(b.hash())).contains(b);
      assertThat(f.chain.blockByChunkHash(b.chunkHash())).contains(b);
      randoms.add(b.randomValue());
      prev = b;
    }
    assertThat(randoms).hasSize(5);
  }

  @Test
  void signWaitsForRespondAndReturnsTheSignature() {
    runningSigner();
    TxRecord pending = sign("eth/0");
    assertThat(pending.status()).isInstanceOf(ExecutionStatus.Pending.class);
    Block including = f.block();
    var signer = io.chainsig.contract.ContractStateCodec.decode(
        f.chain.account("signer.test.near").orElseThrow().contractState().bytes());
    assertThat(signer.pendingRequests().get(0).entropy())
        .isEqualTo(io.chainsig.crypto.encoding.Hex.encode(io.chainsig.crypto.encoding.Base58.decode(including.randomValue())));
    assertThat(signer.pendingRequests().get(0).blockHeight()).isEqualTo(including.height());
    assertThat(f.chain.tx(pending.hash()).orElseThrow().included()).isTrue();
    assertThat(f.chain.tx(pending.hash()).orElseThrow().finished()).isFalse();
    TxRecord r = respond("eth/0");
    assertThat(r.status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
    f.block();
    TxRecord done = f.chain.tx(pending.hash()).orElseThrow();
    assertThat(done.finished()).isTrue();
    String json = new String(Base64.getDecoder().decode(((ExecutionStatus.SuccessValue) done.status()).base64()),
        StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"scheme\":\"Secp256k1\",\"big_r\":{\"affine_point\":\"");
  }

  @Test
  void oneRespondAnswersIdenticalRequestsFromTwoTransactions() {
    runningSigner();
    TxRecord first = sign("same");
    f.block();
    TxRecord second = sign("same");
    assertThat(second.hash()).isNotEqualTo(first.hash());
    respond("same");
    f.block();
    TxRecord a = f.chain.tx(first.hash()).orElseThrow();
    TxRecord b = f.chain.tx(second.hash()).orElseThrow();
    assertThat(a.finished()).isTrue();
    assertThat(b.finished()).isTrue();
    assertThat(a.status()).isEqualTo(b.status());
  }

  @Test
  @Timeout(60)
  void concurrentSignsRespondsViewsAndBlocksFinishEverySignWithoutWaitingForTimeouts() throws Exception {
    runningSigner();
    int clients = 3;
    int perClient = 5;
    List<ValidatorKey> keys = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      keys.add(f.createAccount("c" + c + ".test.near"));
    }
    f.block();
    // request r is client r % clients's; every transaction is signed before the threads start
    List<SignedTransaction> signs = new ArrayList<>();
    List<SignedTransaction> responds = new ArrayList<>();
    long nodeNonce = f.nonceOf(node);
    for (int r = 0; r < clients * perClient; r++) {
      ValidatorKey k = keys.get(r % clients);
      String path = "p" + r;
      signs.add(signTx(k, f.nonceOf(k) + 1 + r / clients, path));
      RequestKey key = key(k.accountId(), path);
      responds.add(respondTx(++nodeNonce, key, mpc.sign(key)));
    }
    List<CompletableFuture<Void>> submitted = new ArrayList<>();
    signs.forEach(s -> submitted.add(new CompletableFuture<>()));
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      List<Future<List<TxRecord>>> outcomes = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        outcomes.add(pool.submit(() -> {
          List<TxRecord> out = new ArrayList<>();
          for (int r = client; r < signs.size(); r += clients) {
            f.chain.submit(signs.get(r));
            submitted.get(r).complete(null);
            // far longer than the test may run: a missed wake-up fails it
            out.add(f.chain.await(signs.get(r).hashBase58(), TxRecord::finished, 120_000).orElseThrow());
          }
          return out;
        }));
      }
      Future<?> responder = pool.submit(() -> {
        for (int r = 0; r < responds.size(); r++) {
          submitted.get(r).join();
          assertThat(f.chain.submit(responds.get(r)).status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
        }
      });
      Future<?> viewer = pool.submit(() -> {
        while (!done.get()) {
          f.chain.view("signer.test.near", "pending_requests", "{}".getBytes(StandardCharsets.UTF_8));
          f.chain.view("signer.test.near", "state", "{}".getBytes(StandardCharsets.UTF_8));
        }
      });
      Future<?> producer = pool.submit(() -> {
        while (!done.get()) {
          f.block();
          Thread.sleep(5);
        }
        return null;
      });
      for (Future<List<TxRecord>> o : outcomes) {
        assertThat(o.get()).hasSize(perClient)
            .allSatisfy(t -> assertThat(t.status()).isInstanceOf(ExecutionStatus.SuccessValue.class));
      }
      responder.get();
      done.set(true);
      viewer.get();
      producer.get();
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
    assertThat(new String(f.chain.view("signer.test.near", "pending_requests", "{}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo("[]");
  }

  @Test
  void aWaitingSignTimesOutAfter200BlocksAndTheDepositIsRefunded() {
    runningSigner();
    TxRecord pending = sign("eth/0");
    BigInteger afterSign = f.chain.account("alice.test.near").orElseThrow().amount();
    // the including block is height h; the call fails in block h + 200
    for (int i = 0; i < 200; i++) {
      f.block();
    }
    assertThat(f.chain.tx(pending.hash()).orElseThrow().finished()).isFalse();
    f.block();
    TxRecord failed = f.chain.tx(pending.hash()).orElseThrow();
    assertThat(failed.finished()).isTrue();
    assertThat(((ExecutionStatus.Failure) failed.status()).error().toString())
        .contains("Signature request has timed out").contains("200 blocks");
    assertThat(f.chain.account("alice.test.near").orElseThrow().amount()).isEqualTo(afterSign.add(BigInteger.ONE));
    // a late response finds nothing to answer
    assertThat(respond("eth/0").status().toString()).contains("no pending request");
  }

  @Test
  void everythingSurvivesAReopen() {
    runningSigner();
    ValidatorKey fc = ChainFixture.key("alice.test.near", "fc");
    f.submit(f.tx(alice, "alice.test.near", new Action.AddKey(fc.publicKey(), new AccessKey(0,
        new AccessKeyPermission.FunctionCall(null, "signer.test.near", java.util.List.of("sign"))))));
    TxRecord pending = sign("btc/1");
    Block last = f.block();
    f.reopen();
    assertThat(f.chain.head()).isEqualTo(last);
    assertThat(f.chain.block(1)).isPresent();
    assertThat(f.chain.account("alice.test.near").orElseThrow().keys()).containsKey(fc.publicKey());
    assertThat(f.chain.tx(pending.hash()).orElseThrow().status()).isInstanceOf(ExecutionStatus.Pending.class);
    Block next = f.block();
    assertThat(next.prevHash()).isEqualTo(last.hash());
    respond("btc/1");
    f.block();
    assertThat(f.chain.tx(pending.hash()).orElseThrow().finished()).isTrue();
  }

  @Test
  void transactionsOfTheOpenBlockAreLostOnlyIfNeverSealed() {
    ValidatorKey a = f.createAccount("alice.test.near");
    f.reopen();
    assertThat(f.chain.account("alice.test.near")).isEmpty();
    assertThat(f.nonceOf(f.root)).isZero();
    f.createAccount("alice.test.near");
    f.block();
    f.reopen();
    assertThat(f.chain.account("alice.test.near").orElseThrow().keys()).containsKey(a.publicKey());
  }
}
