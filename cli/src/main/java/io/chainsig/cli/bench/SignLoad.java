package io.chainsig.cli.bench;

import io.chainsig.crypto.Hashes;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.near.ChainSignaturesClient;
import io.chainsig.sdk.signer.SignatureVerifier;
import io.chainsig.sdk.signer.EcdsaSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A closed-loop load of sign requests: one thread per client (each client has its own access key,
 * so its own nonce), each sending its next request as soon as the last one is answered. Every
 * answer is verified against the locally derived key with {@link SignatureVerifier} (BouncyCastle
 * and web3j, not the code that produced it).
 */
public final class SignLoad {
  /** Paths the requests rotate through (so several derived keys are exercised). */
  static final int PATHS = 8;

  private final List<ChainSignaturesClient> clients;
  private final int requests;
  private final String runId;
  private final long pauseMillis;
  private volatile boolean stopped;

  /**
   * @param clients one per concurrent request
   * @param requests how many requests in all
   * @param runId makes this run's payloads differ from every other run's
   */
  public SignLoad(List<ChainSignaturesClient> clients, int requests, String runId) {
    this(clients, requests, runId, Duration.ZERO);
  }

  /**
   * Like {@link #SignLoad(List, int, String)}, each client waiting {@code pause} after each answer
   * before its next request (a steady load that leaves the machine room, e.g. for fault drills).
   */
  public SignLoad(List<ChainSignaturesClient> clients, int requests, String runId, Duration pause) {
    if (clients.isEmpty() || requests < 1) {
      throw new IllegalArgumentException("a load needs at least one client and one request");
    }
    if (pause.isNegative()) {
      throw new IllegalArgumentException("the pause between requests cannot be negative");
    }
    this.clients = List.copyOf(clients);
    this.requests = requests;
    this.runId = runId;
    this.pauseMillis = pause.toMillis();
  }

  /** The payload of request {@code i}: 32 bytes no other run uses. */
  public byte[] payload(int i) {
    return Hashes.sha256(("chainsig bench " + runId + " request " + i).getBytes(StandardCharsets.UTF_8));
  }

  /** The derivation path of request {@code i}. */
  public static String path(int i) {
    return "bench/" + (i % PATHS);
  }

  /**
   * Asks a running load to end early: no client sends another request; the ones in flight are
   * still awaited, so {@link #run} returns once they are answered.
   */
  public void stop() {
    stopped = true;
  }

  /**
   * Runs the load to the end (or until {@link #stop}); {@code onEach} sees every outcome as it
   * happens (from many threads).
   */
  public List<SignOutcome> run(Consumer<SignOutcome> onEach) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<SignOutcome> outcomes = Collections.synchronizedList(new ArrayList<>(requests));
    List<Thread> threads = new ArrayList<>();
    for (ChainSignaturesClient client : clients) {
      Thread t = new Thread(() -> {
        Map<String, Secp256k1PublicKey> keys = new HashMap<>();
        for (int i = next.getAndIncrement(); i < requests && !stopped; i = next.getAndIncrement()) {
          SignOutcome o = one(client, keys, i);
          outcomes.add(o);
          onEach.accept(o);
          if (pauseMillis > 0) {
            try {
              Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }, "bench-client-" + threads.size());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    List<SignOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(java.util.Comparator.comparingInt(SignOutcome::index));
    return sorted;
  }

  private SignOutcome one(ChainSignaturesClient client, Map<String, Secp256k1PublicKey> keys, int i) {
    byte[] payload = payload(i);
    String path = path(i);
    long start = System.nanoTime();
    String error = null;
    try {
      EcdsaSignature sig = client.sign(path, payload);
      SignatureVerifier.verify(payload, sig, keys.computeIfAbsent(path, client::derivedPublicKey));
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return new SignOutcome(i, start, System.nanoTime(), error);
  }
}
