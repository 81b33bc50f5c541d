package io.chainsig.sandbox.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.contract.CallContext;
import io.chainsig.contract.CallOutcome;
import io.chainsig.contract.ContractException;
import io.chainsig.contract.MethodNotFoundException;
import io.chainsig.contract.Resolution;
import io.chainsig.contract.RespondVerdicts;
import io.chainsig.contract.SignerContract;
import io.chainsig.contract.SignerContractAbi;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.derivation.InvalidAccountIdException;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.Ed25519Signatures;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Applies one signed transaction to the world state: nearcore's validation order (signature,
 * signer, access key, nonce, permission, balance), then fees and nonce, then the actions
 * atomically. A {@code sign} call to the signer contract ends {@link ExecutionStatus.Pending}.
 *
 * <p>One deliberate departure from nearcore: a function-call key may attach a deposit (charged to
 * its allowance), because the signer contract's {@code sign} needs 1 yoctoNEAR and the restricted
 * onboarding keys must be able to call it (docs/sandbox.md, "Differences from NEAR").
 *
 * <p>Consecutive {@code FunctionCall} actions of one transaction run on one copy of the contract
 * object ({@link ContractState#decode()}), which becomes the new state after the last of them
 * (encoded only when the chain stores it); a failed transaction rolls the world back to the old
 * state, whose object the calls never changed.
 */
public final class TxExecutor {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TxExecutor() {}

  /**
   * True if the transaction carries a valid ed25519 signature of its hash by its public key. Depends
   * on the transaction alone, so a caller may check it before taking the chain's lock.
   */
  public static boolean hasValidSignature(SignedTransaction stx) {
    Transaction tx = stx.transaction();
    return stx.signatureType() == 0 && tx.publicKey().startsWith("ed25519:")
        && Ed25519Signatures.verify(TransactionCodec.keyData(tx.publicKey()), stx.hash(), stx.signature());
  }

  /**
   * Validates and applies the transaction.
   *
   * @param validSignature {@link #hasValidSignature} of {@code stx}
   * @param hashBase58 {@code stx.hashBase58()}: the id under which a {@code sign} call waits
   * @param verdicts answers of its {@code respond} signature checks computed beforehand ({@link
   *     RespondPrecheck}), or {@link RespondVerdicts#NONE}; the outcome is the same either way
   * @throws InvalidTxException if refused (state untouched)
   */
  public static TxExecution apply(WorldState world, SignedTransaction stx, boolean validSignature,
      String hashBase58, BlockContext block, RespondVerdicts verdicts) {
    Transaction tx = stx.transaction();
    checkAccountId(tx.signerId(), "InvalidSignerId", "signer_id");
    checkAccountId(tx.receiverId(), "InvalidReceiverId", "receiver_id");
    if (!validSignature) {
      throw NearErrors.invalidTx(NearErrors.unit("InvalidSignature"), "transaction signature is not valid");
    }
    java.util.OptionalLong refHeight = block.blockHeightOf().apply(Base58.encode(tx.blockHash()));
    if (refHeight.isEmpty() || block.height() - refHeight.getAsLong() > BlockContext.TRANSACTION_VALIDITY_PERIOD) {
      throw NearErrors.invalidTx(NearErrors.unit("Expired"),
          "transaction refers to an unknown block or one older than the validity period");
    }
    AccountRecord signer = world.get(tx.signerId()).orElseThrow(() -> NearErrors.invalidTx(
        NearErrors.variant("SignerDoesNotExist", "signer_id", tx.signerId()),
        "signer " + tx.signerId() + " does not exist"));
    AccessKey key = signer.keys().get(tx.publicKey());
    if (key == null) {
      throw NearErrors.accessKeyError(
          NearErrors.variant("AccessKeyNotFound", "account_id", tx.signerId(), "public_key", tx.publicKey()),
          "access key " + tx.publicKey() + " of " + tx.signerId() + " does not exist");
    }
    if (Long.compareUnsigned(tx.nonce(), key.nonce()) <= 0) {
      throw NearErrors.invalidTx(
          NearErrors.variant("InvalidNonce", "tx_nonce", tx.nonce(), "ak_nonce", key.nonce()),
          "transaction nonce " + Long.toUnsignedString(tx.nonce()) + " must be larger than the key's nonce "
              + key.nonce());
    }
    long upperBound = (block.height() + 1) * BlockContext.NONCE_RANGE_PER_BLOCK;
    if (Long.compareUnsigned(tx.nonce(), upperBound) >= 0) {
      throw NearErrors.invalidTx(
          NearErrors.variant("NonceTooLarge", "tx_nonce", tx.nonce(), "upper_bound", upperBound),
          "transaction nonce must be below " + upperBound);
    }
    long gas = Fees.gas(tx.actions().size());
    BigInteger fee = Fees.tokens(gas);
    BigInteger deposits = BigInteger.ZERO;
    for (Action a : tx.actions()) {
      deposits = deposits.add(depositOf(a));
    }
    BigInteger cost = fee.add(deposits);
    AccessKey newKey = key.withNonce(tx.nonce());
    if (key.permission() instanceof AccessKeyPermission.FunctionCall fc) {
      newKey = new AccessKey(tx.nonce(), checkFunctionCallKey(tx, fc, cost));
    }
    if (signer.amount().compareTo(cost) < 0) {
      throw NearErrors.invalidTx(
          NearErrors.variant("NotEnoughBalance", "signer_id", tx.signerId(),
              "balance", signer.amount().toString(), "cost", cost.toString()),
          "signer " + tx.signerId() + " has not enough balance for the cost " + cost);
    }
    // Charge fee and deposits, bump the nonce: these stay even if an action fails.
    world.put(tx.signerId(), signer.withAmount(signer.amount().subtract(cost)).withKey(tx.publicKey(), newKey));
    WorldState before = world.copy();
    List<Resolution> resolutions = new ArrayList<>();
    ExecutionStatus status;
    try {
      status = runActions(world, stx, hashBase58, block, verdicts, resolutions);
    } catch (ActionFailure f) {
      world.restore(before);
      refund(world, tx.signerId(), deposits);
      resolutions.clear();
      ObjectNode err = F.objectNode();
      err.putObject("ActionError").put("index", f.index()).set("kind", f.kind());
      status = new ExecutionStatus.Failure(err);
    }
    return new TxExecution(status, gas, fee, resolutions);
  }

  private static BigInteger depositOf(Action a) {
    return switch (a) {
      case Action.Transfer t -> t.deposit();
      case Action.FunctionCall f -> f.deposit();
      default -> BigInteger.ZERO;
    };
  }

  private static void checkAccountId(String id, String variant, String field) {
    try {
      NearAccountId.of(id);
    } catch (InvalidAccountIdException e) {
      throw NearErrors.invalidTx(NearErrors.variant(variant, field, id), e.getMessage());
    }
  }

  /** nearcore's function-call key rules; returns the permission with the allowance reduced. */
  private static AccessKeyPermission checkFunctionCallKey(
      Transaction tx, AccessKeyPermission.FunctionCall fc, BigInteger cost) {
    if (fc.allowance() != null && fc.allowance().compareTo(cost) < 0) {
      throw NearErrors.accessKeyError(
          NearErrors.variant("NotEnoughAllowance", "account_id", tx.signerId(), "public_key", tx.publicKey(),
              "allowance", fc.allowance().toString(), "cost", cost.toString()),
          "access key allowance " + fc.allowance() + " is below the cost " + cost);
    }
    if (tx.actions().size() != 1 || !(tx.actions().get(0) instanceof Action.FunctionCall call)) {
      throw NearErrors.accessKeyError(NearErrors.unit("RequiresFullAccess"),
          "a function-call access key may only sign one FunctionCall action");
    }
    if (!tx.receiverId().equals(fc.receiverId())) {
      throw NearErrors.accessKeyError(
          NearErrors.variant("ReceiverMismatch", "tx_receiver", tx.receiverId(), "ak_receiver", fc.receiverId()),
          "this access key may only call " + fc.receiverId());
    }
    if (!fc.methodNames().isEmpty() && !fc.methodNames().contains(call.methodName())) {
      throw NearErrors.accessKeyError(
          NearErrors.variant("MethodNameMismatch", "method_name", call.methodName()),
          "this access key may not call method " + call.methodName());
    }
    return fc.allowance() == null ? fc : fc.withAllowance(fc.allowance().subtract(cost));
  }

  private static void refund(WorldState world, String accountId, BigInteger amount) {
    if (amount.signum() == 0) {
      return;
    }
    world.get(accountId).ifPresent(a -> world.put(accountId, a.withAmount(a.amount().add(amount))));
  }

  /**
   * The receiver's contract while consecutive {@code FunctionCall} actions run on it: one copy of
   * the state's object, written to the world as the new state when they end. Dropped unwritten if
   * an action fails.
   */
  private static final class OpenContract {
    private final WorldState world;
    private final String account;
    private SignerContract contract;

    OpenContract(WorldState world, String account) {
      this.world = world;
      this.account = account;
    }

    SignerContract get(ContractState state) {
      if (contract == null) {
        contract = state.decode();
      }
      return contract;
    }

    /** Writes the changed object to the world as the new state (encoded when first needed). */
    void close() {
      if (contract != null) {
        put(ContractState.of(contract));
      }
    }

    /**
     * Writes the changed state to the world encoded now, without the object: the next call decodes
     * the written bytes, as every call did before states kept their objects.
     */
    void closeAndForget() {
      if (contract != null) {
        put(ContractState.encode(contract));
      }
    }

    private void put(ContractState next) {
      world.put(account, world.get(account).orElseThrow().withContractState(next));
      contract = null;
    }
  }

  private static ExecutionStatus runActions(WorldState world, SignedTransaction stx, String hashBase58,
      BlockContext block, RespondVerdicts verdicts, List<Resolution> resolutions) {
    List<Action> actions = stx.transaction().actions();
    OpenContract open = new OpenContract(world, stx.transaction().receiverId());
    boolean createdHere = false;
    ExecutionStatus last = new ExecutionStatus.SuccessValue("");
    for (int i = 0; i < actions.size(); i++) {
      try {
        if (!(actions.get(i) instanceof Action.FunctionCall)) {
          open.close();
        }
        last = runAction(world, stx, hashBase58, block, verdicts, open, resolutions, actions.get(i),
            createdHere, i == actions.size() - 1);
      } catch (ActionFailure f) {
        throw f.at(i);
      }
      createdHere |= actions.get(i) instanceof Action.CreateAccount;
    }
    open.close();
    return last;
  }

  private static ExecutionStatus runAction(WorldState world, SignedTransaction stx, String hashBase58,
      BlockContext block, RespondVerdicts verdicts, OpenContract open, List<Resolution> resolutions, Action action,
      boolean createdHere, boolean lastAction) {
    Transaction tx = stx.transaction();
    String receiver = tx.receiverId();
    boolean needsOwner = !(action instanceof Action.FunctionCall || action instanceof Action.Transfer
        || action instanceof Action.CreateAccount);
    if (!(action instanceof Action.CreateAccount) && world.get(receiver).isEmpty()) {
      throw new ActionFailure(NearErrors.variant("AccountDoesNotExist", "account_id", receiver));
    }
    if (needsOwner && !createdHere && !receiver.equals(tx.signerId())) {
      throw new ActionFailure(
          NearErrors.variant("ActorNoPermission", "account_id", receiver, "actor_id", tx.signerId()));
    }
    ExecutionStatus last = new ExecutionStatus.SuccessValue("");
    switch (action) {
      case Action.CreateAccount c -> createAccount(world, tx.signerId(), receiver);
      case Action.Transfer t -> credit(world, receiver, t.deposit());
      case Action.DeployContract d -> {
        if (!BuiltinContracts.isSignerMarker(d.code())) {
          throw NearErrors.functionCallError(NearErrors.tagged("CompilationError",
              NearErrors.tagged("PrepareError", "Deserialization")));
        }
        AccountRecord a = world.get(receiver).orElseThrow();
        if (!a.hasContract()) {
          world.put(receiver, a.withContractState(BuiltinContracts.freshSignerState()));
        }
      }
      case Action.AddKey k -> {
        AccountRecord a = world.get(receiver).orElseThrow();
        if (a.keys().containsKey(k.publicKey())) {
          throw new ActionFailure(NearErrors.variant("AddKeyAlreadyExists",
              "account_id", receiver, "public_key", k.publicKey()));
        }
        // NEAR starts a new key's nonce at height * 10^6 so old signed transactions cannot replay.
        world.put(receiver, a.withKey(k.publicKey(),
            new AccessKey(block.height() * BlockContext.NONCE_RANGE_PER_BLOCK, k.accessKey().permission())));
      }
      case Action.DeleteKey k -> {
        AccountRecord a = world.get(receiver).orElseThrow();
        if (!a.keys().containsKey(k.publicKey())) {
          throw new ActionFailure(NearErrors.variant("DeleteKeyDoesNotExist",
              "account_id", receiver, "public_key", k.publicKey()));
        }
        world.put(receiver, a.withKey(k.publicKey(), null));
      }
      case Action.DeleteAccount d -> {
        AccountRecord a = world.get(receiver).orElseThrow();
        world.remove(receiver);
        // NEAR burns the balance if the beneficiary does not exist.
        credit(world, d.beneficiaryId(), a.amount());
      }
      case Action.Stake s -> throw new ActionFailure(NearErrors.variant("TriesToStake",
          "account_id", receiver, "stake", s.stake().toString(), "locked", "0",
          "balance", world.get(receiver).orElseThrow().amount().toString()));
      case Action.FunctionCall f -> {
        credit(world, receiver, f.deposit());
        last = functionCall(world, stx, hashBase58, block, verdicts, open, f, resolutions, lastAction);
      }
    }
    return last;
  }

  private static void createAccount(WorldState world, String signer, String receiver) {
    if (world.get(receiver).isPresent()) {
      throw new ActionFailure(NearErrors.variant("AccountAlreadyExists", "account_id", receiver));
    }
    if (!receiver.contains(".")) {
      throw new ActionFailure(NearErrors.variant("CreateAccountOnlyByRegistrar", "account_id", receiver,
          "registrar_account_id", "registrar", "predecessor_id", signer));
    }
    // NEAR lets an account create only its direct sub-accounts.
    if (!receiver.substring(receiver.indexOf('.') + 1).equals(signer)) {
      throw new ActionFailure(NearErrors.variant("CreateAccountNotAllowed",
          "account_id", receiver, "predecessor_id", signer));
    }
    world.put(receiver, AccountRecord.empty());
  }

  private static void credit(WorldState world, String accountId, BigInteger amount) {
    world.get(accountId).ifPresent(a -> world.put(accountId, a.withAmount(a.amount().add(amount))));
  }

  /**
   * True if every string the contract can take from these arguments survives its state encoding
   * unchanged, so the object after the call equals the decoding of its encoded state: ASCII
   * arguments without {@code \\u} escapes. (Others may hold unpaired surrogates, which the UTF-8
   * state encoding turns into {@code ?}; after such a call the state is encoded at once and the
   * object dropped.)
   */
  static boolean roundTripsExactly(byte[] args) {
    for (int i = 0; i < args.length; i++) {
      byte b = args[i];
      if (b < 0 || (b == '\\' && i + 1 < args.length && args[i + 1] == 'u')) {
        return false;
      }
    }
    return true;
  }

  private static ExecutionStatus functionCall(WorldState world, SignedTransaction stx, String hashBase58,
      BlockContext block, RespondVerdicts verdicts, OpenContract open, Action.FunctionCall f,
      List<Resolution> resolutions, boolean lastAction) {
    Transaction tx = stx.transaction();
    AccountRecord account = world.get(tx.receiverId()).orElseThrow();
    if (!account.hasContract()) {
      throw NearErrors.functionCallError(NearErrors.tagged("CompilationError",
          NearErrors.variant("CodeDoesNotExist", "account_id", tx.receiverId())));
    }
    SignerContract contract = open.get(account.contractState());
    CallContext ctx = new CallContext(NearAccountId.of(tx.receiverId()), NearAccountId.of(tx.signerId()),
        f.deposit(), block.height(), block.randomValueHex());
    CallOutcome outcome;
    try {
      outcome = SignerContractAbi.call(contract, ctx, f.methodName(), f.args(), hashBase58, verdicts);
    } catch (ContractException e) {
      throw NearErrors.panic(e.getMessage());
    } catch (MethodNotFoundException e) {
      throw NearErrors.functionCallError(NearErrors.tagged("MethodResolveError", "MethodNotFound"));
    }
    if (outcome instanceof CallOutcome.Pending && !lastAction) {
      throw NearErrors.panic("sign must be the last action of its transaction in the sandbox");
    }
    if (!roundTripsExactly(f.args())) {
      open.closeAndForget();
    }
    return switch (outcome) {
      case CallOutcome.Pending p -> new ExecutionStatus.Pending();
      case CallOutcome.Returned r -> {
        resolutions.addAll(r.resolutions());
        yield new ExecutionStatus.SuccessValue(
            Base64.getEncoder().encodeToString(r.valueJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
    };
  }
}
