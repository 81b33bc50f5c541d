package io.chainsig.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.Hashes;
import io.chainsig.near.tx.Action;
import io.chainsig.near.tx.Ed25519Signatures;
import io.chainsig.near.tx.Transaction;
import io.chainsig.near.tx.TransactionCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
  private long nonce = -1;
  /** A recent block hash for new transactions, and when it was read (nanoTime). */
  private byte[] blockHash;
  private long blockHashAt;

  /** How long a block hash is reused for new transactions (NEAR accepts them for about a day). */
  static final long BLOCK_HASH_REUSE_NANOS = 10_000_000_000L;

  /** Sends as {@code account} with the key whose 32-byte seed is {@code seed}. */
  public NearTransactionSender(NearRpcClient rpc, String account, String publicKey, byte[] seed) {
    this.rpc = rpc;
    this.account = account;
    this.publicKey = publicKey;
    this.seed = seed.clone();
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

  /** Sends actions to a receiver; waits as {@code waitUntil} says; checks the outcome. */
  public synchronized JsonNode send(String receiver, List<Action> actions, String waitUntil) throws ChainException {
    for (int attempt = 0; ; attempt++) {
      if (nonce < 0) {
        nonce = rpc.accessKeyNonce(account, publicKey);
      }
      if (blockHash == null || System.nanoTime() - blockHashAt > BLOCK_HASH_REUSE_NANOS) {
        blockHash = rpc.latestBlockHash();
        blockHashAt = System.nanoTime();
      }
      Transaction tx = new Transaction(account, publicKey, nonce + 1, receiver, blockHash, actions);
      byte[] body = TransactionCodec.encode(tx);
      byte[] signed = TransactionCodec.encodeSigned(tx, Ed25519Signatures.sign(seed, Hashes.sha256(body)));
      JsonNode outcome;
      try {
        outcome = rpc.sendTx(signed, waitUntil);
      } catch (ChainException e) {
        // The key may also be used elsewhere (another process, a retry after a crash): re-read
        // the nonce and try again.
        if (attempt < 3 && (e.getMessage().contains("InvalidNonce") || e.getMessage().contains("Expired")
            || e.getMessage().contains("INVALID_TRANSACTION"))) {
          nonce = -1;
          blockHash = null;
          continue;
        }
        if (e.getMessage().contains("TIMEOUT_ERROR")) {
          // Included but not final yet (e.g. a sign waiting for the network): keep asking.
          nonce++;
          outcome = awaitFinal(io.chainsig.crypto.encoding.Base58.encode(Hashes.sha256(body)));
          return checked(receiver, outcome);
        }
        throw e;
      }
      nonce++;
      if ("NONE".equals(waitUntil)) {
        // Accepted, outcome not known yet: answer with the hash so the caller can look it up.
        com.fasterxml.jackson.databind.node.ObjectNode accepted = outcome.isObject()
            ? ((com.fasterxml.jackson.databind.node.ObjectNode) outcome).deepCopy()
            : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return accepted.put("transaction_hash", io.chainsig.crypto.encoding.Base58.encode(Hashes.sha256(body)));
      }
      return checked(receiver, outcome);
    }
  }

  /** How long {@link #awaitFinal} keeps asking: beyond the contract's 200-block request timeout. */
  static final long FINAL_WAIT_MS = 600_000;

  private JsonNode awaitFinal(String txHash) throws ChainException {
    long end = System.currentTimeMillis() + FINAL_WAIT_MS;
    com.fasterxml.jackson.databind.node.ObjectNode p = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    p.put("tx_hash", txHash).put("sender_account_id", account).put("wait_until", "FINAL");
    while (true) {
      try {
        return rpc.call("tx", p);
      } catch (ChainException e) {
        if (!e.getMessage().contains("TIMEOUT_ERROR") && !e.getMessage().contains("UNKNOWN_TRANSACTION")
            || System.currentTimeMillis() > end) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new ChainException("interrupted while waiting for " + txHash, ie);
        }
      }
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
