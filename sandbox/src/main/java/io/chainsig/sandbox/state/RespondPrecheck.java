package io.chainsig.sandbox.state;

import io.chainsig.contract.RespondCheck;
import io.chainsig.contract.RespondVerdicts;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies the ECDSA signatures of a transaction's {@code respond} calls before the chain takes
 * its lock, against the receiver's contract as the latest state has it: the secp256k1
 * multiplication of each check then runs while other calls proceed, and the call under the lock
 * only looks its answer up ({@link RespondVerdicts}; it runs the check itself if the root key
 * changed meanwhile).
 */
public final class RespondPrecheck {
  private RespondPrecheck() {}

  /**
   * The answers of the transaction's {@code respond} checks.
   *
   * @param accounts the latest state's accounts (only read)
   */
  public static RespondVerdicts of(SignedTransaction stx, Function<String, Optional<AccountRecord>> accounts) {
    List<RespondCheck> checks = new ArrayList<>();
    for (Action a : stx.transaction().actions()) {
      if (a instanceof Action.FunctionCall f && f.methodName().equals("respond")) {
        Optional<AccountRecord> receiver = accounts.apply(stx.transaction().receiverId());
        if (receiver.isPresent() && receiver.get().hasContract()) {
          SignerContractAbi.respondCheck(receiver.get().contractState().readOnly(), f.args()).ifPresent(checks::add);
        }
      }
    }
    return RespondVerdicts.compute(checks);
  }
}
