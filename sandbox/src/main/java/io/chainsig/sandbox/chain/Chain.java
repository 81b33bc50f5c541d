package io.chainsig.sandbox.chain;

import io.chainsig.contract.Resolution;
import io.chainsig.contract.RespondVerdicts;
import io.chainsig.contract.SignerContract;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.sandbox.state.AccountRecord;
import io.chainsig.sandbox.state.BlockContext;
import io.chainsig.sandbox.state.ContractState;
import io.chainsig.sandbox.state.ContractViews;
import io.chainsig.sandbox.state.ExecutionStatus;
import io.chainsig.sandbox.state.RespondPrecheck;
import io.chainsig.sandbox.state.TxExecution;
import io.chainsig.sandbox.state.TxExecutor;
import io.chainsig.sandbox.state.ViewResult;
import io.chainsig.sandbox.state.WorldState;
import io.chainsig.sandbox.store.KeyValueStore;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.SignedTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The sandbox chain: world state, the head block and the open block that collects transactions.
 * Transactions execute when submitted (against the open block's height and random value); {@link
 * #produceBlock} seals the open block, fails timed-out sign calls, and persists everything changed
 * in one atomic batch, so a restart continues from the last block. A contract state made by a call
 * keeps its decoded object and is encoded only when the block that stores it is produced ({@link
 * ContractState}); view results are cached ({@link ContractViews}).
 *
 * <p>Locking: only {@link #submit} and {@link #produceBlock} take the chain's lock, one at a
 * time; what a submitted transaction needs that depends on it alone (hashes, its ed25519
 * signature, the ECDSA checks of its {@code respond} calls, {@link RespondPrecheck}) is computed
 * before. Each of them ends by publishing an immutable snapshot (head block, the open block's
 * transaction records, every account) through a volatile field, and every reader ({@link #view},
 * {@link #tx}, {@link #account}, {@link #await}, the block lookups) reads the latest snapshot
 * without the lock: it sees the state after the last finished transaction, open block included,
 * never one half applied. Waiters on a transaction are woken after the snapshot that changed it is
 * published.
 */
public final class Chain {
  /** The chain id shown by {@code status}. */
  public static final String CHAIN_ID = "sandbox";

  /** The root account created at genesis. */
  public static final String ROOT_ACCOUNT = "test.near";

  /** The root account's genesis balance: 10^9 NEAR. */
  public static final BigInteger ROOT_BALANCE = BigInteger.TEN.pow(33);

  private static final String HEAD = "meta/head";
  private static final String GENESIS = "meta/genesis";

  private final KeyValueStore store;
  private final SecureRandom random;
  private final String genesisHash;
  /** Held while the chain changes ({@link #submit}, {@link #produceBlock}); readers never take it. */
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock:
  private final WorldState world;
  private Block head;
  private long openHeight;
  private byte[] openRandom;
  private final List<String> openTxs = new ArrayList<>();
  /** Records changed since the last block: the open block's transactions and the signs it answered. */
  private final Map<String, TxRecord> dirtyTxs = new LinkedHashMap<>();
  private final Set<String> finishedInOpen = new LinkedHashSet<>();
  /** What readers see; replaced, under the lock, after every change. */
  private volatile Snapshot published;
  private final ContractViews views = new ContractViews();
  /**
   * Callers waiting for a transaction's record to change, by hash: woken only when that record
   * changes, so a busy chain does not wake every waiting RPC call on every transaction.
   */
  private final Map<String, CountDownLatch> watchers = new ConcurrentHashMap<>();

  /**
   * The chain as readers see it between two changes.
   *
   * @param head the latest produced block
   * @param openTxs the records in {@code dirtyTxs} (the rest are in the store)
   * @param accounts every account, the open block's transactions applied
   */
  private record Snapshot(Block head, Map<String, TxRecord> openTxs, Map<String, AccountRecord> accounts) {}

  private Chain(KeyValueStore store, SecureRandom random, WorldState world, Block head, String genesisHash) {
    this.store = store;
    this.random = random;
    this.world = world;
    this.head = head;
    this.genesisHash = genesisHash;
    openNext();
    publish();
  }

  /**
   * Opens the chain in a store: continues it if the store has one, otherwise writes a genesis
   * whose root account {@value #ROOT_ACCOUNT} holds {@code rootKey}.
   */
  public static Chain open(KeyValueStore store, String rootPublicKey, SecureRandom random, long nowNanos) {
    Optional<byte[]> headHeight = store.get(HEAD);
    if (headHeight.isPresent()) {
      Map<String, AccountRecord> accounts = new LinkedHashMap<>();
      store.scan("a/").forEach((k, v) -> accounts.put(k.substring(2), ChainCodec.decodeAccount(v)));
      long h = Long.parseLong(new String(headHeight.get(), StandardCharsets.UTF_8));
      Block head = ChainCodec.decodeBlock(store.get(blockKey(h)).orElseThrow());
      String genesis = new String(store.get(GENESIS).orElseThrow(), StandardCharsets.UTF_8);
      return new Chain(store, random, new WorldState(accounts), head, genesis);
    }
    AccountRecord root = new AccountRecord(ROOT_BALANCE,
        Map.of(rootPublicKey, new AccessKey(0, new AccessKeyPermission.FullAccess())), null);
    WorldState world = new WorldState(Map.of());
    world.put(ROOT_ACCOUNT, root);
    byte[] r = new byte[32];
    random.nextBytes(r);
    Block genesis = Block.create(0, Base58.encode(new byte[32]), nowNanos, Base58.encode(r), List.of());
    Map<String, byte[]> batch = new LinkedHashMap<>();
    world.takeDirty().forEach(id -> batch.put("a/" + id, ChainCodec.encodeAccount(world.get(id).orElseThrow())));
    putBlock(batch, genesis);
    batch.put(GENESIS, genesis.hash().getBytes(StandardCharsets.UTF_8));
    store.write(batch);
    return new Chain(store, random, world, genesis, genesis.hash());
  }

  private static String blockKey(long height) {
    return String.format("b/%020d", height);
  }

  private static void putBlock(Map<String, byte[]> batch, Block b) {
    batch.put(blockKey(b.height()), ChainCodec.encodeBlock(b));
    batch.put("bh/" + b.hash(), Long.toString(b.height()).getBytes(StandardCharsets.UTF_8));
    batch.put("ch/" + b.chunkHash(), Long.toString(b.height()).getBytes(StandardCharsets.UTF_8));
    batch.put(HEAD, Long.toString(b.height()).getBytes(StandardCharsets.UTF_8));
  }

  private void openNext() {
    openHeight = head.height() + 1;
    openRandom = new byte[32];
    random.nextBytes(openRandom);
    openTxs.clear();
    finishedInOpen.clear();
  }

  /** The genesis block's hash. */
  public String genesisHash() {
    return genesisHash;
  }

  /** Publishes the state for readers (the lock is held). */
  private void publish() {
    published = new Snapshot(head, Map.copyOf(dirtyTxs), world.snapshot());
  }

  /** The latest produced block (every produced block is final). */
  public Block head() {
    return published.head();
  }

  /** A block by height. */
  public Optional<Block> block(long height) {
    Block latest = published.head();
    if (height == latest.height()) {
      return Optional.of(latest);
    }
    return store.get(blockKey(height)).map(ChainCodec::decodeBlock);
  }

  /** A block by base58 hash. */
  public Optional<Block> blockByHash(String hash) {
    return store.get("bh/" + hash)
        .flatMap(h -> block(Long.parseLong(new String(h, StandardCharsets.UTF_8))));
  }

  /** The block whose chunk has this base58 hash. */
  public Optional<Block> blockByChunkHash(String chunkHash) {
    return store.get("ch/" + chunkHash)
        .flatMap(h -> block(Long.parseLong(new String(h, StandardCharsets.UTF_8))));
  }

  /** An account as of the latest state (including the open block's transactions). */
  public Optional<AccountRecord> account(String accountId) {
    return Optional.ofNullable(published.accounts().get(accountId));
  }

  /** A transaction record by base58 hash. */
  public Optional<TxRecord> tx(String hash) {
    return txIn(published.openTxs(), hash);
  }

  /** A record from the open block's records or, if not there, the store (written before it is dropped there). */
  private Optional<TxRecord> txIn(Map<String, TxRecord> open, String hash) {
    TxRecord r = open.get(hash);
    return r != null ? Optional.of(r) : store.get("t/" + hash).map(ChainCodec::decodeTx);
  }

  /**
   * Submits a transaction: executes it in the open block, or returns the record of an identical
   * transaction already known (a resent transaction never runs twice).
   *
   * @throws io.chainsig.sandbox.state.InvalidTxException if refused
   */
  public TxRecord submit(SignedTransaction stx) {
    return submit(stx, RespondPrecheck.of(stx, this::account));
  }

  /**
   * {@link #submit(SignedTransaction)} with the answers of its {@code respond} signature checks
   * computed already, against the latest state then (tests pass answers computed against another
   * state, as when the root key changes between the check and the execution).
   */
  TxRecord submit(SignedTransaction stx, RespondVerdicts verdicts) {
    // What depends on the transaction alone is computed before taking the lock.
    String hash = stx.hashBase58();
    boolean validSignature = TxExecutor.hasValidSignature(stx);
    BigInteger deposit = BigInteger.ZERO;
    for (Action a : stx.transaction().actions()) {
      deposit = deposit.add(a.deposit());
    }
    String receiptId = Base58.encode(Hashes.sha256(("receipt|" + hash).getBytes(StandardCharsets.UTF_8)));
    String signedTxBase64 = Base64.getEncoder().encodeToString(stx.encoded());
    List<String> changed = new ArrayList<>();
    TxRecord rec;
    lock.lock();
    try {
      Optional<TxRecord> known = txIn(dirtyTxs, hash);
      if (known.isPresent()) {
        return known.get();
      }
      BlockContext ctx = new BlockContext(openHeight, Hex.encode(openRandom), h -> h.equals(head.hash())
          ? java.util.OptionalLong.of(head.height())
          : store.get("bh/" + h).map(v -> java.util.OptionalLong.of(Long.parseLong(new String(v, StandardCharsets.UTF_8))))
              .orElse(java.util.OptionalLong.empty()));
      TxExecution ex = TxExecutor.apply(world, stx, validSignature, hash, ctx, verdicts);
      rec = new TxRecord(hash, signedTxBase64, receiptId,
          openHeight, null, ex.status(), null, ex.gasBurnt(), ex.tokensBurnt(), deposit);
      dirtyTxs.put(hash, rec);
      openTxs.add(hash);
      changed.add(hash);
      resolve(ex.resolutions(), stx.transaction().receiverId(), changed);
      publish();
    } finally {
      lock.unlock();
    }
    wake(changed);
    return rec;
  }

  /**
   * A view call on the latest state of a contract account (including the open block's
   * transactions); empty if the account does not exist or has no contract. Callers of the same
   * view on the same state get the same result instance.
   *
   * @throws io.chainsig.contract.ContractException and the other refusals of {@link
   *     io.chainsig.contract.SignerContractAbi#view}
   */
  public Optional<ViewResult> view(String accountId, String method, byte[] args) {
    AccountRecord a = published.accounts().get(accountId);
    if (a == null || !a.hasContract()) {
      return Optional.empty();
    }
    return Optional.of(views.view(accountId, a.contractState(), method, args));
  }

  /** Finishes the sign calls a contract resolved; adds their hashes to {@code changed} (the lock is held). */
  private void resolve(List<Resolution> resolutions, String contractAccount, List<String> changed) {
    for (Resolution r : resolutions) {
      Optional<TxRecord> waiting = txIn(dirtyTxs, r.callId());
      if (waiting.isEmpty() || !(waiting.get().status() instanceof ExecutionStatus.Pending)) {
        continue;
      }
      TxRecord t = waiting.get();
      ExecutionStatus status = switch (r) {
        case Resolution.Signed s -> new ExecutionStatus.SuccessValue(
            Base64.getEncoder().encodeToString(s.responseJson().getBytes(StandardCharsets.UTF_8)));
        case Resolution.Failed f -> {
          refund(contractAccount, signerOf(t), t.deposit());
          var err = ChainCodec.MAPPER.createObjectNode();
          err.putObject("ActionError").put("index", 0).putObject("kind")
              .putObject("FunctionCallError").put("ExecutionError", f.message());
          yield new ExecutionStatus.Failure(err);
        }
      };
      dirtyTxs.put(t.hash(), t.withStatus(status, null));
      finishedInOpen.add(t.hash());
      changed.add(t.hash());
    }
  }

  private static String signerOf(TxRecord t) {
    return io.chainsig.near.tx.TransactionCodec
        .decodeSigned(Base64.getDecoder().decode(t.signedTxBase64())).transaction().signerId();
  }

  private void refund(String from, String to, BigInteger amount) {
    if (amount.signum() == 0) {
      return;
    }
    world.get(from).ifPresent(a -> world.put(from, a.withAmount(a.amount().subtract(amount.min(a.amount())))));
    world.get(to).ifPresent(a -> world.put(to, a.withAmount(a.amount().add(amount))));
  }

  /** Seals the open block: times out waiting sign calls, persists, opens the next block. */
  public Block produceBlock(long nowNanos) {
    List<String> changed = new ArrayList<>();
    Block b;
    lock.lock();
    try {
      b = seal(nowNanos, changed);
      publish();
    } finally {
      lock.unlock();
    }
    wake(changed);
    return b;
  }

  /** Seals and stores the open block, opens the next; adds the records it changed to {@code changed} (the lock is held). */
  private Block seal(long nowNanos, List<String> changed) {
    for (String account : world.contractAccounts()) {
      AccountRecord a = world.get(account).orElseThrow();
      SignerContract contract = a.contractState().decode();
      List<Resolution> timedOut = contract.onBlock(openHeight);
      if (!timedOut.isEmpty()) {
        world.put(account, a.withContractState(ContractState.of(contract)));
        resolve(timedOut, account, changed);
      }
    }
    Block b = Block.create(openHeight, head.hash(), Math.max(nowNanos, head.timestampNanos() + 1),
        Base58.encode(openRandom), openTxs);
    for (String h : openTxs) {
      TxRecord t = txIn(dirtyTxs, h).orElseThrow().withIncludedBlock(b.hash());
      if (!(t.status() instanceof ExecutionStatus.Pending)) {
        t = t.withStatus(t.status(), b.hash());
      }
      dirtyTxs.put(h, t);
    }
    for (String h : finishedInOpen) {
      TxRecord t = txIn(dirtyTxs, h).orElseThrow();
      dirtyTxs.put(h, t.withStatus(t.status(), b.hash()));
    }
    Map<String, byte[]> batch = new LinkedHashMap<>();
    for (String id : world.takeDirty()) {
      batch.put("a/" + id, world.get(id).map(ChainCodec::encodeAccount).orElse(null));
    }
    dirtyTxs.forEach((h, t) -> batch.put("t/" + h, ChainCodec.encodeTx(t)));
    putBlock(batch, b);
    store.write(batch);
    dirtyTxs.clear();
    head = b;
    changed.addAll(b.txHashes());
    changed.addAll(finishedInOpen);
    openNext();
    return b;
  }

  /**
   * Waits until the transaction's record satisfies {@code done} or the time is up.
   *
   * @return the latest record (empty if the transaction is unknown)
   */
  public Optional<TxRecord> await(String hash, Predicate<TxRecord> done, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (true) {
      Optional<TxRecord> r = tx(hash);
      long leftNanos = deadline - System.nanoTime();
      if ((r.isPresent() && done.test(r.get())) || leftNanos <= 0) {
        return r;
      }
      CountDownLatch change = watchers.computeIfAbsent(hash, h -> new CountDownLatch(1));
      // Read again now that the latch is registered: a change published between the first read and
      // the registration woke nobody, and one published after it counts this latch down.
      r = tx(hash);
      if (r.isPresent() && done.test(r.get())) {
        return r;
      }
      change.await(leftNanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Wakes the callers waiting on these transactions (after the snapshot that changed them). */
  private void wake(List<String> hashes) {
    for (String hash : hashes) {
      CountDownLatch l = watchers.remove(hash);
      if (l != null) {
        l.countDown();
      }
    }
  }

  /** True if transactions wait in the open block. */
  public boolean hasOpenTransactions() {
    lock.lock();
    try {
      return !openTxs.isEmpty() || !finishedInOpen.isEmpty();
    } finally {
      lock.unlock();
    }
  }
}
