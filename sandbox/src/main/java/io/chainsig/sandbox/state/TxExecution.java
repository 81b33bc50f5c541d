package io.chainsig.sandbox.state;

import io.chainsig.contract.Resolution;
import java.math.BigInteger;
import java.util.List;

/**
 * The result of applying one transaction.
 *
 * @param status how it ended
 * @param gasBurnt gas charged
 * @param tokensBurnt yoctoNEAR charged for gas
 * @param resolutions waiting {@code sign} calls this transaction resolved (a {@code respond})
 */
public record TxExecution(
    ExecutionStatus status, long gasBurnt, BigInteger tokensBurnt, List<Resolution> resolutions) {
  /** Copies the list. */
  public TxExecution {
    resolutions = List.copyOf(resolutions);
  }
}
