package io.chainsig.sandbox.state;

import static io.chainsig.sandbox.chain.ChainFixture.NEAR;
import static io.chainsig.sandbox.chain.ChainFixture.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.TxRecord;
import io.chainsig.sandbox.chain.ValidatorKey;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import java.math.BigInteger;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TxExecutorTest {
  private final ChainFixture f = new ChainFixture();

  private static void refused(ThrowingCallable call, String errorJson) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTxException.class,
        e -> assertThat(e.error().toString()).isEqualTo(errorJson));
  }

  private static String failure(TxRecord r) {
    assertThat(r.status()).isInstanceOf(ExecutionStatus.Failure.class);
    return ((ExecutionStatus.Failure) r.status()).error().toString();
  }

  private BigInteger balance(String account) {
    return f.chain.account(account).orElseThrow().amount();
  }

  @Test
  void transactionLevelRefusalsLeaveStateAlone() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    long nonce = f.nonceOf(alice);
    BigInteger before = balance("alice.test.near");
    SignedTransaction good = f.tx(alice, "test.near", new Action.Transfer(BigInteger.ONE));
    refused(() -> f.submit(ChainFixture.tamper(good)), "\"InvalidSignature\"");
    ValidatorKey ghost = ChainFixture.key("ghost.test.near", "g");
    refused(() -> f.submit(f.tx(ghost, 1, "test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"SignerDoesNotExist\":{\"signer_id\":\"ghost.test.near\"}}");
    ValidatorKey otherKey = ChainFixture.key("alice.test.near", "other");
    refused(() -> f.submit(f.tx(otherKey, 1, "test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"InvalidAccessKeyError\":{\"AccessKeyNotFound\":{\"account_id\":\"alice.test.near\",\"public_key\":\""
            + otherKey.publicKey() + "\"}}}");
    refused(() -> f.submit(f.tx(alice, nonce, "test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"InvalidNonce\":{\"tx_nonce\":" + nonce + ",\"ak_nonce\":" + nonce + "}}");
    refused(() -> f.submit(f.tx(alice, "test.near", new Action.Transfer(NEAR.multiply(BigInteger.valueOf(11))))),
        "{\"NotEnoughBalance\":{\"signer_id\":\"alice.test.near\",\"balance\":\"" + before
            + "\",\"cost\":\"" + NEAR.multiply(BigInteger.valueOf(11)).add(Fees.tokens(Fees.gas(1))) + "\"}}");
    refused(() -> f.submit(f.tx(ChainFixture.key("A", "x"), 1, "test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"InvalidSignerId\":{\"signer_id\":\"A\"}}");
    refused(() -> f.submit(f.tx(alice, "Bad..id", new Action.Transfer(BigInteger.ONE))),
        "{\"InvalidReceiverId\":{\"receiver_id\":\"Bad..id\"}}");
    assertThat(f.nonceOf(alice)).isEqualTo(nonce);
    assertThat(balance("alice.test.near")).isEqualTo(before);
  }

  @Test
  void nonceTooLargeIsRefused() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    long height = f.chain.head().height() + 1;
    long bound = (height + 1) * 1_000_000L;
    refused(() -> f.submit(f.tx(alice, bound, "test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"NonceTooLarge\":{\"tx_nonce\":" + bound + ",\"upper_bound\":" + bound + "}}");
    f.submit(f.tx(alice, bound - 1, "test.near", new Action.Transfer(BigInteger.ONE)));
  }

  @Test
  void unknownBlockHashIsExpired() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    var t = f.tx(alice, "test.near", new Action.Transfer(BigInteger.ONE)).transaction();
    var stale = new io.chainsig.near.tx.Transaction(t.signerId(), t.publicKey(), t.nonce(), t.receiverId(),
        new byte[32], t.actions());
    byte[] sig = alice.sign(io.chainsig.crypto.Hashes.sha256(io.chainsig.near.tx.TransactionCodec.encode(stale)));
    refused(() -> f.submit(io.chainsig.near.tx.TransactionCodec.decodeSigned(
        io.chainsig.near.tx.TransactionCodec.encodeSigned(stale, sig))), "\"Expired\"");
  }

  @Test
  void functionCallKeysAreRestricted() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    ValidatorKey fc = ChainFixture.key("alice.test.near", "fc");
    BigInteger allowance = Fees.tokens(Fees.gas(1)).multiply(BigInteger.valueOf(2)).add(BigInteger.ONE);
    f.submit(f.tx(alice, "alice.test.near", new Action.AddKey(fc.publicKey(), new AccessKey(0,
        new AccessKeyPermission.FunctionCall(allowance, "signer.test.near", List.of("sign"))))));
    refused(() -> f.submit(f.tx(fc, "signer.test.near", call("respond", "{}", BigInteger.ZERO))),
        "{\"InvalidAccessKeyError\":{\"MethodNameMismatch\":{\"method_name\":\"respond\"}}}");
    refused(() -> f.submit(f.tx(fc, "other.test.near", call("sign", "{}", BigInteger.ZERO))),
        "{\"InvalidAccessKeyError\":{\"ReceiverMismatch\":{\"tx_receiver\":\"other.test.near\",\"ak_receiver\":\"signer.test.near\"}}}");
    refused(() -> f.submit(f.tx(fc, "signer.test.near", new Action.Transfer(BigInteger.ONE))),
        "{\"InvalidAccessKeyError\":\"RequiresFullAccess\"}");
    refused(() -> f.submit(f.tx(fc, "signer.test.near", call("sign", "{}", BigInteger.ZERO), call("sign", "{}", BigInteger.ZERO))),
        "{\"InvalidAccessKeyError\":\"RequiresFullAccess\"}");
    // allowed calls spend the allowance until it runs out
    f.submit(f.tx(fc, "signer.test.near", call("sign", "{}", BigInteger.ONE)));
    f.submit(f.tx(fc, "signer.test.near", call("sign", "{}", BigInteger.ZERO)));
    assertThatThrownBy(() -> f.submit(f.tx(fc, "signer.test.near", call("sign", "{}", BigInteger.ZERO))))
        .isInstanceOfSatisfying(InvalidTxException.class,
            e -> assertThat(e.error().toString()).contains("NotEnoughAllowance").contains("\"allowance\":\"0\""));
  }

  @Test
  void accountActions() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    assertThat(balance("alice.test.near")).isEqualTo(NEAR.multiply(BigInteger.TEN));
    assertThat(failure(f.submit(f.tx(f.root, "alice.test.near", new Action.CreateAccount()))))
        .isEqualTo("{\"ActionError\":{\"index\":0,\"kind\":{\"AccountAlreadyExists\":{\"account_id\":\"alice.test.near\"}}}}");
    assertThat(failure(f.submit(f.tx(f.root, "x.alice.test.near", new Action.CreateAccount()))))
        .contains("CreateAccountNotAllowed");
    assertThat(failure(f.submit(f.tx(f.root, "toplevel", new Action.CreateAccount()))))
        .contains("CreateAccountOnlyByRegistrar");
    assertThat(failure(f.submit(f.tx(f.root, "nobody.test.near", new Action.Transfer(BigInteger.ONE)))))
        .contains("AccountDoesNotExist");
    assertThat(failure(f.submit(f.tx(f.root, "alice.test.near", new Action.DeleteKey(alice.publicKey())))))
        .contains("ActorNoPermission");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near",
        new Action.AddKey(alice.publicKey(), new AccessKey(0, new AccessKeyPermission.FullAccess()))))))
        .contains("AddKeyAlreadyExists");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", new Action.DeleteKey(f.root.publicKey())))))
        .contains("DeleteKeyDoesNotExist");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", new Action.Stake(BigInteger.ONE, alice.publicKey())))))
        .contains("TriesToStake");
  }

  @Test
  void aFailedActionRollsBackTheOthersButFeesAndNonceStay() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    BigInteger before = balance("alice.test.near");
    BigInteger rootBefore = balance("test.near");
    TxRecord r = f.submit(f.tx(alice, "test.near", new Action.Transfer(NEAR), new Action.CreateAccount()));
    assertThat(failure(r)).contains("\"index\":1").contains("AccountAlreadyExists");
    assertThat(balance("test.near")).isEqualTo(rootBefore);
    assertThat(balance("alice.test.near")).isEqualTo(before.subtract(Fees.tokens(Fees.gas(2))));
    assertThat(f.nonceOf(alice)).isEqualTo(r.includedHeight() * 1_000_000L + 1);
  }

  @Test
  void deleteAccountSendsTheBalanceToTheBeneficiary() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    BigInteger rootBefore = balance("test.near");
    TxRecord r = f.submit(f.tx(alice, "alice.test.near", new Action.DeleteAccount("test.near")));
    assertThat(r.status()).isEqualTo(new ExecutionStatus.SuccessValue(""));
    assertThat(f.chain.account("alice.test.near")).isEmpty();
    assertThat(balance("test.near")).isEqualTo(rootBefore.add(NEAR.multiply(BigInteger.TEN)).subtract(Fees.tokens(Fees.gas(1))));
  }

  @Test
  void resendingTheSameTransactionDoesNotRunItTwice() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    SignedTransaction t = f.tx(alice, "test.near", new Action.Transfer(BigInteger.ONE));
    TxRecord first = f.submit(t);
    BigInteger after = balance("alice.test.near");
    f.block();
    TxRecord second = f.submit(t);
    assertThat(second.hash()).isEqualTo(first.hash());
    assertThat(second.included()).isTrue();
    assertThat(balance("alice.test.near")).isEqualTo(after);
  }

  @Test
  void contractDeploymentAndCallFailures() {
    ValidatorKey alice = f.createAccount("alice.test.near");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", new Action.DeployContract(new byte[] {0, 'a', 's', 'm'})))))
        .contains("CompilationError").contains("PrepareError");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", call("sign", "{}", BigInteger.ONE)))))
        .contains("CodeDoesNotExist");
    f.submit(f.tx(alice, "alice.test.near", new Action.DeployContract(BuiltinContracts.SIGNER_MARKER)));
    assertThat(f.chain.account("alice.test.near").orElseThrow().hasContract()).isTrue();
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", call("nope", "{}", BigInteger.ZERO)))))
        .contains("{\"MethodResolveError\":\"MethodNotFound\"}");
    assertThat(failure(f.submit(f.tx(alice, "alice.test.near", call("sign", "{}", BigInteger.ONE)))))
        .contains("Smart contract panicked: missing field `request`");
  }

  @Test
  void onlyAsciiArgumentsWithoutUnicodeEscapesCountAsRoundTrippingExactly() {
    assertThat(TxExecutor.roundTripsExactly("{\"path\":\"eth/0\",\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(TxExecutor.roundTripsExactly(new byte[0])).isTrue();
    assertThat(TxExecutor.roundTripsExactly("{\"p\":\"\\\"q\\n\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(TxExecutor.roundTripsExactly("{\"p\":\"\\ud800\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(TxExecutor.roundTripsExactly("{\"p\":\"\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(TxExecutor.roundTripsExactly(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'})).isFalse();
  }
}
