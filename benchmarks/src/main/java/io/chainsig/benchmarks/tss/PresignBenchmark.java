package io.chainsig.benchmarks.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.ecdsa.Presignature;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.RunResult;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One whole DJNPO20 presign among N = 2t+1 parties (score / N = per participant). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PresignBenchmark {
  /** Number of signers N = 2t+1. */
  @Param({"3", "5", "7", "13"})
  public int n;

  private Map<ParticipantId, KeyShare<Secp256k1Scalar, Secp256k1Point>> shares;

  /** Generates the key once. */
  @Setup(Level.Trial)
  public void generateKey() {
    shares = ThresholdRuns.keygen(n).outputs();
  }

  /** All N parties run presign. */
  @Benchmark
  public RunResult<Presignature> presign() {
    return ThresholdRuns.presign(shares);
  }
}
