package io.chainsig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.near.NearKeyFile;
import io.chainsig.near.rpc.ChainException;
import io.chainsig.near.rpc.NearRpcClient;
import io.chainsig.near.rpc.NearTransactionSender;
import io.chainsig.near.tx.AccessKey;
import io.chainsig.near.tx.AccessKeyPermission;
import io.chainsig.near.tx.Action;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NearTransactionSender} against a real sandbox process that is SIGKILLed while a
 * transaction waits in its open block (which the crash loses): the sender resends the same signed
 * transaction until the restarted sandbox answers, and it runs exactly once; with the sandbox gone
 * for good it gives up after its retry time with a clear error.
 */
class SenderAcrossRestartTest {
  /** Long blocks, so a transaction surely sits in the open block when the sandbox is killed. */
  private static final long BLOCK_MS = 4000;
  private static final BigInteger NEAR = BigInteger.TEN.pow(24);

  @TempDir Path tmp;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aTransactionLostWithTheOpenBlockIsResentAfterTheRestartAndRunsOnce() throws Exception {
    int port = freePort();
    Path home = tmp.resolve("home");
    SandboxProcess sandbox = SandboxProcess.start(home, port, BLOCK_MS);
    try {
      NearKeyFile root = NearKeyFile.read(home.resolve(Sandbox.VALIDATOR_KEY_FILE));
      NearRpcClient rpc = new NearRpcClient("http://127.0.0.1:" + port);
      NearTransactionSender sender = new NearTransactionSender(rpc, root.accountId(), root.publicKey(), root.seed(),
          Duration.ofSeconds(30));
      NearKeyFile alice = NearKeyFile.generate("alice.test.near", new SecureRandom());
      sender.send("alice.test.near", create(alice), "EXECUTED_OPTIMISTIC");
      long nonceBefore = rpc.accessKeyNonce(root.accountId(), root.publicKey());

      NearKeyFile bob = NearKeyFile.generate("bob.test.near", new SecureRandom());
      long sentAt = System.nanoTime();
      CompletableFuture<JsonNode> outcome = CompletableFuture.supplyAsync(() -> {
        try {
          return sender.send("bob.test.near", create(bob), "EXECUTED_OPTIMISTIC");
        } catch (ChainException e) {
          throw new IllegalStateException(e);
        }
      });
      // Queries read the open block's state: once bob exists there, his transaction waits for its block.
      awaitAccount(rpc, "bob.test.near");
      sandbox.kill();
      long killedAtNanos = System.currentTimeMillis() * 1_000_000L;
      Thread.sleep(1500);
      assertThat(outcome).as("the sender waits for the chain to come back").isNotDone();
      sandbox = SandboxProcess.start(home, port, BLOCK_MS);

      JsonNode done = outcome.get(60, TimeUnit.SECONDS);
      assertThat(done.path("status").has("SuccessValue")).as(done.toString()).isTrue();
      assertThat((System.nanoTime() - sentAt) / 1_000_000).isGreaterThan(1500);
      // The transaction ran once, in a block of the restarted chain: its nonce was used once.
      assertThat(rpc.accessKeyNonce(root.accountId(), root.publicKey())).isEqualTo(nonceBefore + 1);
      long includedAtNanos = rpc.call("block", RpcClient.MAPPER.createObjectNode()
          .put("block_id", done.path("transaction_outcome").path("block_hash").asText())).path("header").path("timestamp").asLong();
      assertThat(includedAtNanos).as("lost with the open block, run again after the restart").isGreaterThan(killedAtNanos);
      // The next transaction of the same sender goes through as usual.
      sender.send("alice.test.near", List.of(new Action.Transfer(BigInteger.ONE)), "EXECUTED_OPTIMISTIC");
      assertThat(rpc.accessKeyNonce(root.accountId(), root.publicKey())).isEqualTo(nonceBefore + 2);

      // Gone for good: a clear error once the retry time is over, not a hang.
      NearTransactionSender impatient = new NearTransactionSender(rpc, root.accountId(), root.publicKey(), root.seed(),
          Duration.ofSeconds(2));
      impatient.send("alice.test.near", List.of(new Action.Transfer(BigInteger.ONE)), "NONE");
      sandbox.kill();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> impatient.send("alice.test.near", List.of(new Action.Transfer(BigInteger.ONE)), "NONE"))
          .isInstanceOf(ChainException.class)
          .hasMessageContaining("unreachable for 2 s; gave up on transaction");
      assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(2000L, 10_000L);
    } finally {
      sandbox.close();
    }
  }

  @Test
  void theRetryTimeMustBeAtLeastOneSecond() {
    NearRpcClient rpc = new NearRpcClient("http://127.0.0.1:1");
    assertThatThrownBy(() -> new NearTransactionSender(rpc, "a.test.near", "ed25519:x", new byte[32], Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 s");
  }

  private static List<Action> create(NearKeyFile key) {
    return List.of(new Action.CreateAccount(), new Action.Transfer(NEAR),
        new Action.AddKey(key.publicKey(), new AccessKey(0, new AccessKeyPermission.FullAccess())));
  }

  private static void awaitAccount(NearRpcClient rpc, String account) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < end) {
      try {
        rpc.call("query", RpcClient.MAPPER.createObjectNode().put("request_type", "view_account")
            .put("finality", "final").put("account_id", account));
        return;
      } catch (ChainException e) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError(account + " never appeared");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
