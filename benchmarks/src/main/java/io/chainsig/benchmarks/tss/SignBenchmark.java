package io.chainsig.benchmarks.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.RunResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole sign round among N signers, leader verification included. A presignature is single
 * use, so each iteration first presigns a batch of {@link #BATCH} and then times signing them all
 * in one shot: score / BATCH / N = per participant per signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, batchSize = SignBenchmark.BATCH)
@Measurement(iterations = 5, batchSize = SignBenchmark.BATCH)
public class SignBenchmark {
  /** Signatures per measured batch. */
  public static final int BATCH = 40;

  /** Number of signers N = 2t+1. */
  @Param({"3", "5", "7", "13"})
  public int n;

  private Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares;
  private final Deque<Map<ParticipantId, Presignature>> presignatures = new ArrayDeque<>();

  /** Generates the key once. */
  @Setup(Level.Trial)
  public void generateKey() {
    shares = ThresholdRuns.keygen(n).outputs();
  }

  /** Presigns enough for one batch (not timed). */
  @Setup(Level.Iteration)
  public void presignBatch() {
    presignatures.clear();
    for (int i = 0; i < BATCH; i++) {
      presignatures.add(ThresholdRuns.presign(shares).outputs());
    }
  }

  /** All N parties run sign with the next presignature. */
  @Benchmark
  public RunResult<Optional<EcdsaSignature>> sign() {
    return ThresholdRuns.sign(presignatures.pop());
  }
}
