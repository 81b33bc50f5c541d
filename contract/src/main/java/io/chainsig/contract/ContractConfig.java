package io.chainsig.contract;

/**
 * Limits of the contract.
 *
 * @param requestTimeoutBlocks blocks a {@code sign} call waits before it fails
 * @param maxWaitingCallsPerRequest how many identical calls may share one pending request
 */
public record ContractConfig(long requestTimeoutBlocks, int maxWaitingCallsPerRequest) {
  /** NEAR's signer contract lets a yielded call wait 200 blocks. */
  public static final long DEFAULT_REQUEST_TIMEOUT_BLOCKS = 200;

  /**
   * Cap on the fan-out of one response: every waiting call is resumed inside the single {@code
   * respond} call, so respond's cost grows with the number of waiting calls; the cap keeps one
   * respond within a transaction's gas budget and stops a caller from making the nodes' answer
   * arbitrarily expensive by repeating a request.
   */
  public static final int DEFAULT_MAX_WAITING_CALLS_PER_REQUEST = 16;

  /** The defaults. */
  public static ContractConfig defaults() {
    return new ContractConfig(DEFAULT_REQUEST_TIMEOUT_BLOCKS, DEFAULT_MAX_WAITING_CALLS_PER_REQUEST);
  }

  /** Validates the limits. */
  public ContractConfig {
    if (requestTimeoutBlocks < 1) {
      throw new IllegalArgumentException("request timeout must be at least one block");
    }
    if (maxWaitingCallsPerRequest < 1) {
      throw new IllegalArgumentException("at least one call must be able to wait per request");
    }
  }
}
