package io.chainsig.wallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line entry point's refusals (the serving path is covered by the HTTP and browser tests). */
class WalletCommandTest {
  @TempDir Path temp;

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = WalletServer.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void missingOptionsPrintTheUsage() throws Exception {
    assertThat(run("--rpc", "local")).contains("usage: chainsig wallet --rpc URL --contract ID --account ID --key-file F");
    assertThat(run("--bogus")).contains("unknown option --bogus");
  }

  @Test
  void theContractSignerNeedsAReadableKeyFileForTheSameAccount() throws Exception {
    assertThat(run("--rpc", "http://127.0.0.1:9", "--contract", "v1.signer-prod.testnet", "--account", "david.near",
        "--key-file", temp.resolve("missing.json").toString())).contains("cannot read key file");
    Path other = temp.resolve("other.json");
    Files.writeString(other, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        io.chainsig.near.NearKeyFile.generate("someone.near", new java.security.SecureRandom())));
    assertThat(run("--rpc", "http://127.0.0.1:9", "--contract", "v1.signer-prod.testnet", "--account", "david.near",
        "--key-file", other.toString())).contains("is for someone.near, not david.near");
  }

  @Test
  void anUnreachableContractIsReportedAtStart() throws Exception {
    Path key = temp.resolve("david.json");
    Files.writeString(key, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        io.chainsig.near.NearKeyFile.generate("david.near", new java.security.SecureRandom())));
    // Port 9 (discard) on loopback: nothing listens there.
    assertThat(run("--rpc", "http://127.0.0.1:9", "--contract", "v1.signer-prod.testnet", "--account", "david.near",
        "--key-file", key.toString())).contains("unreachable");
  }

  @Test
  void aKeyFileThatIsNotASecretIsRefused() throws Exception {
    Path key = Files.writeString(temp.resolve("key.hex"), "not hex");
    assertThat(run("--rpc", "local", "--contract", "v1.signer", "--account", "david.near", "--key-file", key.toString(),
        "--port", "0")).contains("32-byte hex");
  }
}
