package io.chainsig.benchmarks.tss;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.keygen.KeyShare;
import io.chainsig.tss.simulation.RunResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One whole PedPop key generation among N parties (score / N = per participant). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeyGenerationBenchmark {
  /** Number of parties; t = (N-1)/2. */
  @Param({"3", "5", "7", "13"})
  public int n;

  /** All N parties run key generation. */
  @Benchmark
  public RunResult<KeyShare<Secp256k1Scalar, Secp256k1Point>> keygen() {
    return ThresholdRuns.keygen(n);
  }
}
