package io.chainsig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.contract.TestRootKey;
import io.chainsig.sandbox.chain.ValidatorKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: the real near-api-js (npm, installed by
 * scripts/install-test-deps.sh) drives a sandbox running as its own process; a Java stand-in for
 * the MPC network answers sign requests; the sandbox is restarted in the middle.
 */
class SandboxAcceptanceTest {
  private static final Path JS = Path.of("src", "test", "js");

  @TempDir Path tmp;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void nearApiJsDrivesTheSandboxAcrossARestart() throws Exception {
    assertThat(JS.resolve("node_modules").resolve("near-api-js"))
        .as("npm test dependencies are missing: run scripts/install-test-deps.sh").exists();
    int port = freePort();
    Path home = tmp.resolve("home");
    Path state = tmp.resolve("state.json");
    SandboxProcess sandbox = SandboxProcess.start(home, port, 100);
    ValidatorKey rootKey = ValidatorKey.read(home.resolve(Sandbox.VALIDATOR_KEY_FILE));
    ValidatorKey nodeKey = ValidatorKey.generate("node1.test.near", new SecureRandom());
    TestRootKey mpc = TestRootKey.fixed();
    Map<String, String> env = Map.of(
        "RPC_URL", "http://127.0.0.1:" + port,
        "ROOT_SECRET_KEY", rootKey.secretKey(),
        "NODE_SECRET_KEY", nodeKey.secretKey(),
        "MPC_ROOT_PUBLIC_KEY", mpc.publicKey().toNearString());
    NodeResponder responder = new NodeResponder(new RpcClient(port), nodeKey, mpc, "signer.test.near");
    Thread responderThread = new Thread(responder, "test-mpc-responder");
    responderThread.start();
    try {
      node("setup", state, env);
      responder.enabled.set(true);
      node("sign", state, env);
      responder.enabled.set(false);
      node("sign-before-restart", state, env);

      // A hard kill, not a clean stop: what was in a produced block must survive anyway.
      sandbox.kill();
      sandbox = SandboxProcess.start(home, port, 100);
      assertThat(sandbox.output()).contains("sandbox ready");

      node("after-restart", state, env);
      responder.enabled.set(true);
      node("pending-answered", state, env);

      // And a clean stop and start, the way an operator restarts it.
      sandbox.close();
      sandbox = SandboxProcess.start(home, port, 100);
      node("errors", state, env);
      assertThat(sandbox.isAlive()).as("the sandbox survives malformed requests").isTrue();
    } finally {
      responder.stop.set(true);
      responderThread.interrupt();
      responderThread.join();
      sandbox.close();
    }
    assertThat(responder.failure).isNull();
    assertThat(responder.answered.get()).isEqualTo(3);
    assertThat(responder.refusedWrongSignatures.get()).isEqualTo(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void node(String phase, Path state, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("node", "acceptance.mjs", phase, state.toString())
        .directory(JS.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    boolean done = p.waitFor(3, TimeUnit.MINUTES);
    String text = new String(out, StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(done && p.exitValue() == 0).as("node phase %s failed:%n%s", phase, text).isTrue();
    assertThat(text).contains("[" + phase + "] PASS");
  }
}
