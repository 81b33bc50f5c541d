package io.chainsig.cli;

import static io.chainsig.cli.ChainsigLauncher.jsonLine;
import static io.chainsig.cli.ChainsigLauncher.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.KeyDerivation;
import io.chainsig.derivation.NearAccountId;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.near.rpc.NearRpcClient;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECDSASignature;

/**
 * Resharing in operation on a 5-node devnet: a reshare whose new node never comes up is cancelled
 * by a vote of the participants and the old set signs on; then a node is added (5 -> 6) and one
 * removed while the threshold goes from 2 to 3 (6 -> 5).
 * The root key and the derived keys stay the same, old presignatures are discarded at each
 * finished reshare, and every signature is checked with web3j against the derived key.
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

  private static JsonNode devnet() throws Exception {
    return JSON.readTree(home.resolve("devnet.json").toFile());
  }

  private static JsonNode contractState() throws Exception {
    JsonNode d = devnet();
    return new NearRpcClient(d.path("rpc_url").asText()).view(d.path("contract_id").asText(), "state", "{}");
  }

  private static List<Integer> ids(JsonNode participants) {
    List<Integer> out = new ArrayList<>();
    participants.forEach(p -> out.add(p.get(1).asInt()));
    return out;
  }

  /** Signs through the CLI, then recovers the signer with web3j and compares it with the derived key. */
  private static JsonNode signAndVerify(String path, String byteHex) throws Exception {
    JsonNode sig = JSON.readTree(jsonLine(runOk("sign", "--devnet", home.resolve("devnet.json").toString(), "--path", path,
        "--payload", byteHex.repeat(32), "--json")));
    Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(devnet().path("root_public_key").asText());
    Secp256k1PublicKey derived = KeyDerivation.deriveSecp256k1(root, NearAccountId.of(sig.path("account_id").asText()), path);
    byte[] bigR = Hex.decode(sig.path("big_r").path("affine_point").asText());
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(bigR, 1, 33));
    BigInteger s = new BigInteger(1, Hex.decode(sig.path("s").path("scalar").asText()));
    BigInteger recovered = org.web3j.crypto.Sign.recoverFromSignature(
        sig.path("recovery_id").asInt(), new ECDSASignature(r, s), Hex.decode(byteHex.repeat(32)));
    assertThat(recovered).as("web3j recovers the derived key").isEqualTo(new BigInteger(1, derived.point().toXy()));
    assertThat(sig.path("public_key").asText()).isEqualTo(derived.toNearString());
    return sig;
  }

  @Test
  void aStuckReshareIsCancelledThenFiveBecomeSixAndSixBecomeFiveWithANewThresholdKeepingTheKey() throws Exception {
    home = Files.createTempDirectory("chainsig-reshare-it");
    String h = home.toString();
    runOk("devnet", "up", "--home", h, "--nodes", "5", "--threshold", "2");
    String root = devnet().path("root_public_key").asText();
    JsonNode before = signAndVerify("same-path", "21");

    // A new node that never comes up: the command says so after its timeout instead of hanging.
    ChainsigLauncher.Result stuck = ChainsigLauncher.run(120, "devnet", "reshare", "--home", h, "--add", "1", "--no-start",
        "--timeout", "5");
    assertThat(stuck.code()).as(stuck.toString()).isEqualTo(1);
    assertThat(stuck.out()).contains("node 6: registered and proposed, not started").contains("resharing into epoch 1");
    assertThat(stuck.err().strip().lines()).as(stuck.toString()).hasSize(1);
    assertThat(stuck.err()).startsWith("error: the reshare into epoch 1 did not finish within 5 s (the contract is Resharing)")
        .contains("chainsig devnet reshare --cancel --home " + h);
    JsonNode resharing = contractState().path("Resharing");
    assertThat(ids(resharing.path("proposed_parameters").path("participants"))).containsExactly(1, 2, 3, 4, 5, 6);

    // Cancelled by vote: the old set, epoch and key, and the old set signs.
    String cancelled = runOk("devnet", "reshare", "--home", h, "--cancel");
    assertThat(cancelled).contains("cancelled the reshare into epoch 1 (2 votes)")
        .contains("Running in epoch 0 with participants [1, 2, 3, 4, 5], root public key unchanged " + root);
    JsonNode running = contractState().path("Running");
    assertThat(running.path("epoch").asLong()).isZero();
    assertThat(ids(running.path("parameters").path("participants"))).containsExactly(1, 2, 3, 4, 5);
    assertThat(running.path("prospective_epoch_id").asLong()).isEqualTo(2);
    assertThat(devnet().path("nodes").findValuesAsText("participant_id")).containsExactly("1", "2", "3", "4", "5");
    JsonNode afterCancel = signAndVerify("same-path", "22");
    assertThat(afterCancel.path("public_key").asText()).isEqualTo(before.path("public_key").asText());
    assertThat(Files.readString(home.resolve("logs/node2.log"))).contains("the reshare into epoch 1 was cancelled");

    // 5 -> 6: the next reshare gets a fresh epoch (2) and a fresh node id (7).
    String added = runOk("devnet", "reshare", "--home", h, "--add", "1");
    assertThat(added).contains("node 7: pid").contains("reshared: epoch 2, root public key unchanged " + root);
    JsonNode afterAdd = signAndVerify("same-path", "23");
    assertThat(afterAdd.path("public_key").asText()).isEqualTo(before.path("public_key").asText());

    // 6 -> 5 with a higher threshold (3: signing sets of 5).
    String removed = runOk("devnet", "reshare", "--home", h, "--remove", "1", "--threshold", "3");
    assertThat(removed).contains("stopped node 1").contains("reshared: epoch 3, root public key unchanged " + root);
    JsonNode afterRemove = signAndVerify("same-path", "24");
    assertThat(afterRemove.path("public_key").asText()).isEqualTo(before.path("public_key").asText());

    String status = runOk("devnet", "status", "--home", h);
    assertThat(status).contains("node 7").doesNotContain("node 6 ").contains("Running, 0 pending");
    assertThat(contractState().path("Running").path("parameters").path("threshold").asInt()).isEqualTo(3);
    assertThat(ids(contractState().path("Running").path("parameters").path("participants"))).containsExactly(2, 3, 4, 5, 7);
    String log2 = Files.readString(home.resolve("logs/node2.log"));
    assertThat(log2).contains("old presignatures discarded");
    assertThat(runOk("derive", "--root", root, "--account", "alice.test.near", "--path", "same-path", "--json"))
        .contains(before.path("public_key").asText());
  }
}
