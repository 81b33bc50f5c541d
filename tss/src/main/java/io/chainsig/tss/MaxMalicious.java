package io.chainsig.tss;

/**
 * The threshold {@code t}: the most participants that may be malicious (and collude) while the
 * protocol stays secure. Key shares are a degree-{@code t} Shamir sharing. Not interchangeable
 * with {@link ReconstructionThreshold}, which is {@code t + 1}.
 *
 * @param value t, at least 0
 */
public record MaxMalicious(int value) {
  /** Rejects negative values. */
  public MaxMalicious {
    if (value < 0) {
      throw new ProtocolSetupException("max malicious must not be negative, got " + value);
    }
  }

  /** The number of shares needed to reconstruct: {@code t + 1}. */
  public ReconstructionThreshold reconstruction() {
    return new ReconstructionThreshold(value + 1);
  }

  /** The exact size of an honest-majority signer set: {@code 2t + 1}. */
  public int honestMajoritySigners() {
    return 2 * value + 1;
  }
}
