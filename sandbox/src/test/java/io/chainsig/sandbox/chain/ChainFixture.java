package io.chainsig.sandbox.chain;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.sandbox.state.AccountRecord;
import io.chainsig.sandbox.store.TextKeyStore;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/** An in-memory chain with a root key, and helpers that sign transactions like a client does. */
public final class ChainFixture {
  public static final BigInteger NEAR = BigInteger.TEN.pow(24);
  public final TextKeyStore store;
  public final ValidatorKey root = key("test.near", "root");
  public Chain chain;
  private long clock = 2_000_000_000L;

  /** A fresh chain in memory. */
  public ChainFixture() {
    this(TextKeyStore.inMemory());
  }

  /** A fresh chain in this (empty) store, e.g. RocksDB for a load harness. */
  public ChainFixture(TextKeyStore store) {
    this.store = store;
    this.chain = Chain.open(store, root.publicKey(), new SecureRandom(), 1_000_000_000L);
  }

  /** A deterministic key for an account. */
  public static ValidatorKey key(String account, String label) {
    return ValidatorKey.fromSeed(account, Hashes.sha256(label.getBytes(StandardCharsets.UTF_8)));
  }

  /** Reopens the chain from the same store (a restart). */
  public void reopen() {
    chain = Chain.open(store, root.publicKey(), new SecureRandom(), clock);
  }

  public Block block() {
    clock += 1_000_000L;
    return chain.produceBlock(clock);
  }

  public long nonceOf(ValidatorKey key) {
    AccountRecord a = chain.account(key.accountId()).orElseThrow();
    AccessKey k = a.keys().get(key.publicKey());
    return k == null ? 0 : k.nonce();
  }

  /** A signed transaction with the next nonce and the head's hash. */
  public SignedTransaction tx(ValidatorKey key, String receiver, Action... actions) {
    return tx(key, nonceOf(key) + 1, receiver, actions);
  }

  public SignedTransaction tx(ValidatorKey key, long nonce, String receiver, Action... actions) {
    Transaction t = new Transaction(key.accountId(), key.publicKey(), nonce, receiver,
        Base58.decode(chain.head().hash()), List.of(actions));
    byte[] sig = key.sign(Hashes.sha256(TransactionCodec.encode(t)));
    return TransactionCodec.decodeSigned(TransactionCodec.encodeSigned(t, sig));
  }

  /** The same transaction with one signature bit flipped. */
  public static SignedTransaction tamper(SignedTransaction stx) {
    byte[] bytes = stx.encoded();
    bytes[bytes.length - 1] ^= 1;
    return TransactionCodec.decodeSigned(Arrays.copyOf(bytes, bytes.length));
  }

  public TxRecord submit(SignedTransaction stx) {
    return chain.submit(stx);
  }

  /** Creates {@code name} with a full-access key and 10 NEAR, signed by root. */
  public ValidatorKey createAccount(String name) {
    ValidatorKey k = key(name, name);
    submit(tx(root, name, new Action.CreateAccount(), new Action.Transfer(NEAR.multiply(BigInteger.TEN)),
        new Action.AddKey(k.publicKey(), new AccessKey(0, new AccessKeyPermission.FullAccess()))));
    return k;
  }

  public static Action.FunctionCall call(String method, String json, BigInteger deposit) {
    return new Action.FunctionCall(method, json.getBytes(StandardCharsets.UTF_8), 30_000_000_000_000L, deposit);
  }
}
