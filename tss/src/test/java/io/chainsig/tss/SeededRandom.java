package io.chainsig.tss;

import io.chainsig.crypto.Hashes;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/** A deterministic SecureRandom for tests only: SHA3-256 in counter mode over a seed. */
public final class SeededRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final long seed;
  private long counter;

  /** A stream determined by {@code seed}. */
  public SeededRandom(long seed) {
    this.seed = seed;
  }

  @Override
  public synchronized void nextBytes(byte[] out) {
    int off = 0;
    while (off < out.length) {
      byte[] block =
          Hashes.sha3_256(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
      int n = Math.min(block.length, out.length - off);
      System.arraycopy(block, 0, out, off, n);
      off += n;
    }
  }

  @Override
  public void setSeed(long ignored) {
    // the constructor's seed is the only seed
  }
}
