package io.chainsig.node.mpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.CallOutcome;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.node.chain.ContractGateway;
import io.chainsig.node.chain.ContractSnapshot;
import io.chainsig.node.chain.PendingSign;
import io.chainsig.node.chain.RequestSignature;
import io.chainsig.node.chain.ResponseBatcher;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.SignRequest;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * {@link ResponseBatcher} against the real signer contract (in process): responses that queue
 * while a transaction is on its way leave together; a refused batch is resent one by one, so one
 * bad response does not sink the others. The root key's secret is known here, so the test signs
 * with plain ECDSA; web3j checks every signature before it goes.
 */
class ResponseBatcherTest {
  private static final Secp256k1Scalar ROOT_SECRET = Secp256k1Scalar.of(BigInteger.valueOf(0x5eed_c0ffeeL));
  private final SecureRandom random = new SecureRandom();
  private final ExecutorService io = Executors.newFixedThreadPool(2);
  private final InProcessContract contract = new InProcessContract();

  @AfterEach
  void stop() {
    io.shutdownNow();
  }

  private List<PendingSign> runningContractWithRequests(int n) throws ChainException {
    String params = "{\"participants\":[[\"node1.test.near\",1,{\"url\":\"127.0.0.1:7001\",\"tls_public_key\":\"ed25519:11111111111111111111111111111111\"}],"
        + "[\"node2.test.near\",2,{\"url\":\"127.0.0.1:7002\",\"tls_public_key\":\"ed25519:11111111111111111111111111111111\"}]],\"threshold\":2}";
    contract.call("signer.test.near", "init", "{\"parameters\":" + params + ",\"domains\":[{\"id\":0,\"scheme\":\"Secp256k1\"}]}", BigInteger.ZERO);
    Secp256k1Point root = ROOT_SECRET.timesGenerator();
    contract.gatewayFor("node1.test.near").votePk(0, root);
    contract.gatewayFor("node2.test.near").votePk(0, root);
    for (int i = 0; i < n; i++) {
      byte[] payload = new byte[32];
      random.nextBytes(payload);
      CallOutcome o = contract.call("alice.test.near", "sign",
          "{\"request\":{\"path\":\"batch/" + i + "\",\"payload_v2\":{\"Ecdsa\":\"" + Hex.encode(payload) + "\"},\"domain_id\":0}}",
          BigInteger.ONE);
      assertThat(o).isInstanceOf(CallOutcome.Pending.class);
    }
    ContractSnapshot s = contract.gatewayFor("node1.test.near").read();
    assertThat(s.pending()).hasSize(n);
    return s.pending();
  }

  /** Plain ECDSA with the derived secret (root + tweak), low s, with its recovery id; checked by web3j. */
  private EcdsaSignature sign(PendingSign p) {
    Secp256k1Scalar tweak = Secp256k1Scalar.fromBytes(Hex.decode(p.tweakHex()));
    SignRequest req = SignRequest.of(Hex.decode(p.payloadHex()), tweak, Hex.decode(p.entropyHex()));
    Secp256k1Scalar d = ROOT_SECRET.add(tweak);
    while (true) {
      Secp256k1Scalar k = Secp256k1Scalar.randomNonZero(random);
      Secp256k1Point bigR = k.timesGenerator();
      Secp256k1Scalar r = Secp256k1Scalar.reduce(bigR.x());
      Secp256k1Scalar s = k.inverse().multiply(req.h().add(r.multiply(d)));
      if (r.isZero() || s.isZero() || !bigR.x().equals(r.value())) {
        continue;
      }
      int recovery = bigR.hasOddY() ? 1 : 0;
      if (s.isHigh()) {
        s = s.negate();
        recovery ^= 1;
      }
      EcdsaSignature sig = new EcdsaSignature(bigR, s, recovery);
      BigInteger recovered = Sign.recoverFromSignature(recovery, new ECDSASignature(r.value(), s.value()), Hex.decode(p.payloadHex()));
      assertThat(recovered).isEqualTo(new BigInteger(1, d.timesGenerator().toXy()));
      return sig;
    }
  }

  /** The real gateway, with a gate that holds the first transaction until the test opens it. */
  private final class GatedGateway implements ContractGateway {
    final ContractGateway real = contract.gatewayFor("node1.test.near");
    final CountDownLatch open = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    final List<Integer> transactions = new ArrayList<>();

    @Override
    public ContractSnapshot read() throws ChainException {
      return real.read();
    }

    @Override
    public void respond(List<RequestSignature> responses) throws ChainException {
      entered.countDown();
      try {
        open.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new ChainException("interrupted", e);
      }
      synchronized (transactions) {
        transactions.add(responses.size());
      }
      real.respond(responses);
    }

    @Override
    public void votePk(int domainId, Secp256k1Point publicKey) throws ChainException {
      real.votePk(domainId, publicKey);
    }

    @Override
    public void voteReshared(long newEpoch) throws ChainException {
      real.voteReshared(newEpoch);
    }
  }

  @Test
  void responsesThatQueueWhileOneIsOnItsWayLeaveInOneTransaction() throws Exception {
    List<PendingSign> pending = runningContractWithRequests(6);
    GatedGateway gateway = new GatedGateway();
    ResponseBatcher batcher = new ResponseBatcher(gateway, io);
    Map<String, Boolean> outcomes = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(6);
    List<RequestSignature> signed = new ArrayList<>();
    pending.forEach(p -> signed.add(new RequestSignature(p, sign(p))));
    for (int i = 0; i < signed.size(); i++) {
      RequestSignature r = signed.get(i);
      batcher.submit(r, ok -> {
        outcomes.put(r.request().requestIdHex(), ok);
        all.countDown();
      });
      if (i == 0) {
        assertThat(gateway.entered.await(10, TimeUnit.SECONDS)).as("the first is on its way").isTrue();
      }
    }
    gateway.open.countDown();
    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(outcomes.values()).containsOnly(true).hasSize(6);
    assertThat(gateway.transactions).as("the first alone, the five that queued behind it together").containsExactly(1, 5);
    assertThat(contract.answers).hasSize(6);
    assertThat(gateway.read().pending()).isEmpty();
  }

  @Test
  void aRefusedBatchIsResentOneByOneSoOnlyTheBadResponseFails() throws Exception {
    List<PendingSign> pending = runningContractWithRequests(4);
    GatedGateway gateway = new GatedGateway();
    ResponseBatcher batcher = new ResponseBatcher(gateway, io);
    Map<String, Boolean> outcomes = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(5);
    // The first request is answered twice: the second answer is refused (it is no longer pending).
    PendingSign first = pending.get(0);
    batcher.submit(new RequestSignature(first, sign(first)), ok -> {
      outcomes.put("first", ok);
      all.countDown();
    });
    assertThat(gateway.entered.await(10, TimeUnit.SECONDS)).as("the first is on its way").isTrue();
    batcher.submit(new RequestSignature(first, sign(first)), ok -> {
      outcomes.put("again", ok);
      all.countDown();
    });
    for (PendingSign p : pending.subList(1, 4)) {
      batcher.submit(new RequestSignature(p, sign(p)), ok -> {
        outcomes.put(p.requestIdHex(), ok);
        all.countDown();
      });
    }
    gateway.open.countDown();
    assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(outcomes.get("first")).isTrue();
    assertThat(outcomes.get("again")).as("a request is answered once").isFalse();
    for (PendingSign p : pending.subList(1, 4)) {
      assertThat(outcomes.get(p.requestIdHex())).isTrue();
    }
    assertThat(gateway.transactions.get(1)).as("the batch of four was tried first").isEqualTo(4);
    assertThat(contract.answers).hasSize(4);
    assertThat(gateway.read().pending()).isEmpty();
  }
}
