package io.chainsig.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.Ed25519Signatures;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Sends transactions from one account with one full-access or function-call ed25519 key: keeps
 * the nonce, signs {@code sha256(borsh(transaction))}, and turns a failed outcome into a {@link
 * ChainException} with the chain's reason. Thread-safe (one transaction at a time).
 */
public final class NearTransactionSender {
  /** Gas for a function call: 300 Tgas, NEAR's maximum. */
  public static final long MAX_GAS = 300_000_000_000_000L;

  private final NearRpcClient rpc;
  private final String account;
  private final String publicKey;
  private final byte[] seed;
  private final long unreachableRetryMs;
  private long nonce = -1;
  /** A recent block hash for new transactions, and when it was read (nanoTime). */
  private byte[] blockHash;
  private long blockHashAt;

  /** How long a block hash is reused for new transactions (NEAR accepts them for about a day). */
  static final long BLOCK_HASH_REUSE_NANOS = 10_000_000_000L;

  /** Sends as {@code account} with the key whose 32-byte seed is {@code seed}. */
  public NearTransactionSender(NearRpcClient rpc, String account, String publicKey, byte[] seed) {
    this(rpc, account, publicKey, seed, Duration.ofMillis(UNREACHABLE_RETRY_MS));
  }

  /**
   * Like {@link #NearTransactionSender(NearRpcClient, String, String, byte[])}, giving a
   * transaction up once the RPC has been unreachable for {@code unreachableRetry} (at least 1 s).
   */
  public NearTransactionSender(NearRpcClient rpc, String account, String publicKey, byte[] seed, Duration unreachableRetry) {
    if (unreachableRetry.toMillis() < 1000) {
      throw new IllegalArgumentException("the unreachable-RPC retry time must be at least 1 s, got " + unreachableRetry);
    }
    this.rpc = rpc;
    this.account = account;
    this.publicKey = publicKey;
    this.seed = seed.clone();
    this.unreachableRetryMs = unreachableRetry.toMillis();
  }

  /** The account transactions are sent from. */
  public String account() {
    return account;
  }

  /** Calls a method and waits for the final outcome; returns it. */
  public JsonNode functionCall(String receiver, String method, String argsJson, BigInteger deposit)
      throws ChainException {
    return send(receiver, List.of(new Action.FunctionCall(method, argsJson.getBytes(StandardCharsets.UTF_8), MAX_GAS, deposit)),
        "EXECUTED_OPTIMISTIC");
  }

  /**
   * Sends actions to a receiver; waits as {@code waitUntil} says; checks the outcome. While the RPC
   * is unreachable (e.g. the chain restarts) the same signed transaction is sent again, for at most
   * the retry time ({@link #UNREACHABLE_RETRY_MS} unless told otherwise): having the same hash it
   * never runs twice, and if the chain lost it (a crash before its block was stored) it simply runs
   * when resent.
   */
  public synchronized JsonNode send(String receiver, List<Action> actions, String waitUntil) throws ChainException {
    for (int attempt = 0; ; attempt++) {
      if (nonce < 0) {
        nonce = whileUnreachable("reading the nonce of " + account, () -> rpc.accessKeyNonce(account, publicKey));
      }
      if (blockHash == null || System.nanoTime() - blockHashAt > BLOCK_HASH_REUSE_NANOS) {
        blockHash = whileUnreachable("reading the latest block", rpc::latestBlockHash);
        blockHashAt = System.nanoTime();
      }
      Transaction tx = new Transaction(account, publicKey, nonce + 1, receiver, blockHash, actions);
      byte[] body = TransactionCodec.encode(tx);
      byte[] signed = TransactionCodec.encodeSigned(tx, Ed25519Signatures.sign(seed, Hashes.sha256(body)));
      String hash = Base58.encode(Hashes.sha256(body));
      JsonNode outcome;
      try {
        outcome = deliver(signed, hash, waitUntil);
      } catch (ChainException e) {
        // The key may also be used elsewhere (another process, a retry after a crash): re-read
        // the nonce and try again.
        if (attempt < 3 && (e.getMessage().contains("InvalidNonce") || e.getMessage().contains("Expired")
            || e.getMessage().contains("INVALID_TRANSACTION"))) {
          nonce = -1;
          blockHash = null;
          continue;
        }
        throw e;
      }
      nonce++;
      return checked(receiver, outcome); // with wait_until NONE there is no status yet: nothing to check
    }
  }

  /** By default, how long the RPC may stay unreachable before a transaction is given up: a chain restart takes seconds. */
  public static final long UNREACHABLE_RETRY_MS = 60_000;
  /** How long {@link #deliver} waits for a final outcome: beyond the contract's 200-block request timeout. */
  static final long FINAL_WAIT_MS = 600_000;
  /** Pause between attempts while the RPC is unreachable. */
  static final long RETRY_PAUSE_MS = 250;

  /**
   * Sends the signed transaction until the RPC answers with an outcome (or the status asked for),
   * sending the same bytes again after the RPC was unreachable and while the outcome is not final
   * ({@code TIMEOUT_ERROR}: e.g. a sign waiting for the network). A refusal is thrown at once.
   */
  private JsonNode deliver(byte[] signed, String hash, String waitUntil) throws ChainException {
    long finalBy = System.currentTimeMillis() + FINAL_WAIT_MS;
    long unreachableSince = -1;
    while (true) {
      try {
        return rpc.sendTx(signed, waitUntil);
      } catch (ChainException e) {
        long now = System.currentTimeMillis();
        if (unreachable(e)) {
          if (unreachableSince < 0) {
            unreachableSince = now;
          } else if (now - unreachableSince > unreachableRetryMs) {
            throw new ChainException("NEAR RPC " + rpc.url() + " unreachable for " + unreachableRetryMs / 1000
                + " s; gave up on transaction " + hash + " (it may or may not have run): " + e.getMessage(), e);
          }
          pause("resending " + hash);
          continue;
        }
        unreachableSince = -1;
        if (e.getMessage().contains("TIMEOUT_ERROR") && now < finalBy) {
          continue; // included but not final yet: ask again with the same bytes (it never runs twice)
        }
        throw e;
      }
    }
  }

  /** A read retried while the RPC is unreachable, for at most the retry time. */
  private <T> T whileUnreachable(String what, RpcRead<T> read) throws ChainException {
    long since = System.currentTimeMillis();
    while (true) {
      try {
        return read.get();
      } catch (ChainException e) {
        if (!unreachable(e) || System.currentTimeMillis() - since > unreachableRetryMs) {
          throw e;
        }
        pause(what);
      }
    }
  }

  /** A call to the RPC. */
  @FunctionalInterface
  private interface RpcRead<T> {
    T get() throws ChainException;
  }

  /** True if the RPC could not be reached at all (connection refused or reset, no answer in time). */
  static boolean unreachable(ChainException e) {
    return e.getCause() instanceof java.io.IOException;
  }

  private static void pause(String what) throws ChainException {
    try {
      Thread.sleep(RETRY_PAUSE_MS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted while " + what, ie);
    }
  }

  private static JsonNode checked(String receiver, JsonNode outcome) throws ChainException {
    JsonNode status = outcome.path("status");
    if (status.has("Failure")) {
      throw new ChainException(receiver + " refused: " + status.get("Failure"));
    }
    return outcome;
  }

  /** The {@code SuccessValue} of an outcome, decoded from base64 (empty if none). */
  public static String successValue(JsonNode outcome) {
    JsonNode v = outcome.path("status").path("SuccessValue");
    return v.isMissingNode() || v.isNull() ? "" : new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8);
  }
}
