package io.chainsig.cli;

import static io.chainsig.cli.ChainsigLauncher.jsonLine;
import static io.chainsig.cli.ChainsigLauncher.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Resharing in operation: a 3-node devnet adds a node and then removes one by a vote of the
 * participants; the root key and the derived keys stay the same, old presignatures are discarded
 * and the network keeps signing.
 */
class ReshareDevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path home;

  @AfterAll
  static void down() throws Exception {
    if (home != null) {
      runOk("devnet", "down", "--home", home.toString());
    }
  }

  private static JsonNode sign(String path, String byteHex) throws Exception {
    return JSON.readTree(jsonLine(runOk("sign", "--devnet", home.resolve("devnet.json").toString(), "--path", path,
        "--payload", byteHex.repeat(32), "--json")));
  }

  @Test
  void addAndRemoveANodeKeepingTheKey() throws Exception {
    home = Files.createTempDirectory("chainsig-reshare-it");
    runOk("devnet", "up", "--home", home.toString(), "--nodes", "3", "--threshold", "2");
    String root = JSON.readTree(home.resolve("devnet.json").toFile()).path("root_public_key").asText();
    JsonNode before = sign("same-path", "21");

    String added = runOk("devnet", "reshare", "--home", home.toString(), "--add", "1");
    assertThat(added).contains("node 4").contains("reshared: epoch 1, root public key unchanged " + root);
    JsonNode afterAdd = sign("same-path", "22");
    assertThat(afterAdd.path("public_key").asText()).isEqualTo(before.path("public_key").asText());

    String removed = runOk("devnet", "reshare", "--home", home.toString(), "--remove", "1");
    assertThat(removed).contains("stopped node 1").contains("reshared: epoch 2, root public key unchanged " + root);
    JsonNode afterRemove = sign("same-path", "23");
    assertThat(afterRemove.path("public_key").asText()).isEqualTo(before.path("public_key").asText());

    String status = runOk("devnet", "status", "--home", home.toString());
    assertThat(status).contains("node 4").contains("Running, 0 pending");
    String log2 = Files.readString(home.resolve("logs/node2.log"));
    assertThat(log2).contains("old presignatures discarded");
    assertThat(runOk("derive", "--root", root, "--account", "alice.test.near", "--path", "same-path", "--json"))
        .contains(before.path("public_key").asText());
  }
}
