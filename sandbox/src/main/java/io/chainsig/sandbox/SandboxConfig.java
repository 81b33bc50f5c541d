package io.chainsig.sandbox;

import java.nio.file.Path;

/**
 * How to run a sandbox.
 *
 * @param home directory for the RocksDB data and {@code validator_key.json}
 * @param rpcHost address the JSON-RPC server binds to
 * @param rpcPort port of the JSON-RPC server (0 picks a free one)
 * @param blockTimeMs time between blocks
 * @param waitTimeoutMs how long a transaction call waits before TIMEOUT_ERROR
 */
public record SandboxConfig(Path home, String rpcHost, int rpcPort, long blockTimeMs, long waitTimeoutMs) {
  /** NEAR's default RPC port. */
  public static final int DEFAULT_RPC_PORT = 3030;

  /** Default time between blocks: about NEAR's block time. */
  public static final long DEFAULT_BLOCK_TIME_MS = 1000;

  /** nearcore's default wait for a transaction's status before TIMEOUT_ERROR. */
  public static final long DEFAULT_WAIT_TIMEOUT_MS = 10_000;

  /** Validates the values. */
  public SandboxConfig {
    if (home == null) {
      throw new IllegalArgumentException("home directory is required");
    }
    if (rpcPort < 0 || rpcPort > 65535) {
      throw new IllegalArgumentException("rpc port must be 0-65535, got " + rpcPort);
    }
    if (blockTimeMs < 10) {
      throw new IllegalArgumentException("block time must be at least 10 ms, got " + blockTimeMs);
    }
    if (waitTimeoutMs < 1) {
      throw new IllegalArgumentException("wait timeout must be positive");
    }
  }

  /** Loopback, the given port and block time, default wait. */
  public static SandboxConfig of(Path home, int rpcPort, long blockTimeMs) {
    return new SandboxConfig(home, "127.0.0.1", rpcPort, blockTimeMs, DEFAULT_WAIT_TIMEOUT_MS);
  }
}
