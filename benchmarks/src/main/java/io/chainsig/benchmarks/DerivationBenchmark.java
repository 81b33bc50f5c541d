package io.chainsig.benchmarks;

import io.chainsig.derivation.DerivationTweak;
import io.chainsig.derivation.Ed25519PublicKey;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.ProductionRoots;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tweak + child-key derivation on one thread (one core), with a different path each call so nothing
 * is cached: the work a signer contract view or a wallet does per (account, path).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DerivationBenchmark {
  private Secp256k1PublicKey secpRoot;
  private Ed25519PublicKey edRoot;
  private NearAccountId account;
  private String[] paths;
  private int next;

  /** Prepares the root keys and 1024 distinct paths. */
  @Setup
  public void setUp() {
    secpRoot = (Secp256k1PublicKey) NearPublicKey.parse(ProductionRoots.MAINNET_SECP256K1);
    edRoot = (Ed25519PublicKey) NearPublicKey.parse(ProductionRoots.MAINNET_ED25519);
    account = NearAccountId.of("alice.near");
    paths = new String[1024];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = "ethereum-" + i;
    }
  }

  private String nextPath() {
    return paths[next++ & (paths.length - 1)];
  }

  /** SHA3-256 tweak only. */
  @Benchmark
  public byte[] tweak() {
    return DerivationTweak.of(account, nextPath()).bytes();
  }

  /** Tweak + secp256k1 child key (affine point), the target of at least 10,000 per second. */
  @Benchmark
  public Secp256k1PublicKey secp256k1ChildKey() {
    return KeyDerivation.deriveSecp256k1(secpRoot, account, nextPath());
  }

  /** Tweak + secp256k1 child key + EIP-55 address string. */
  @Benchmark
  public String secp256k1ChildEvmAddress() {
    return EvmAddress.of(KeyDerivation.deriveSecp256k1(secpRoot, account, nextPath())).toChecksumString();
  }

  /** Tweak + ed25519 child key. */
  @Benchmark
  public Ed25519PublicKey ed25519ChildKey() {
    return KeyDerivation.deriveEd25519(edRoot, account, nextPath());
  }
}
