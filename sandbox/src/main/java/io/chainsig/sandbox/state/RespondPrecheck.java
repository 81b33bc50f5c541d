package io.chainsig.sandbox.state;

import io.chainsig.contract.RespondVerdicts;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies the ECDSA signatures of a transaction's {@code respond} calls before the chain takes
 * its lock, against the receiver's contract as the latest state has it: the secp256k1
 * multiplication and the decompression of each signature's point run while other calls proceed,
 * and the call under the lock takes its parsed arguments and its answer from the result ({@link
 * RespondVerdicts}; it checks again itself if the root key changed meanwhile).
 */
public final class RespondPrecheck {
  private RespondPrecheck() {}

  /**
   * The answers of the transaction's {@code respond} checks.
   *
   * @param accounts the latest state's accounts (only read)
   */
  public static RespondVerdicts of(SignedTransaction stx, Function<String, Optional<AccountRecord>> accounts) {
    List<byte[]> respondArgs = new ArrayList<>();
    for (Action a : stx.transaction().actions()) {
      if (a instanceof Action.FunctionCall f && f.methodName().equals("respond")) {
        respondArgs.add(f.args());
      }
    }
    if (respondArgs.isEmpty()) {
      return RespondVerdicts.NONE;
    }
    Optional<AccountRecord> receiver = accounts.apply(stx.transaction().receiverId());
    if (receiver.isEmpty() || !receiver.get().hasContract()) {
      return RespondVerdicts.NONE;
    }
    return RespondVerdicts.compute(receiver.get().contractState().readOnly(), respondArgs);
  }
}
