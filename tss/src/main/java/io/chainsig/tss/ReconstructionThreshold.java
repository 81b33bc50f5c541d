package io.chainsig.tss;

/**
 * The number of Shamir shares that determine the secret: {@code t + 1} for a degree-{@code t}
 * sharing. Not interchangeable with {@link MaxMalicious}.
 *
 * @param value t + 1, at least 1
 */
public record ReconstructionThreshold(int value) {
  /** Rejects values below 1. */
  public ReconstructionThreshold {
    if (value < 1) {
      throw new ProtocolSetupException("reconstruction threshold must be at least 1, got " + value);
    }
  }

  /** The matching polynomial degree {@code t}. */
  public MaxMalicious maxMalicious() {
    return new MaxMalicious(value - 1);
  }
}
