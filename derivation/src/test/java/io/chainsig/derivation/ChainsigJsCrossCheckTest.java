package io.chainsig.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.derivation.address.Chain;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks derivation against chainsig.js (npm), an independent JavaScript implementation
 * (elliptic + noble + js-sha3), on a few hundred random roots, accounts and paths. Needs Node.js
 * and {@code interop/js/node_modules}, which {@code scripts/test} installs.
 */
class ChainsigJsCrossCheckTest {
  private static final int CASES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void matchesChainsigJsOnRandomInputs() throws Exception {
    Path js = Path.of(System.getProperty("user.dir")).getParent().resolve("interop/js");
    assertThat(js.resolve("node_modules/chainsig.js"))
        .as("chainsig.js is not installed: run scripts/test, or npm ci --prefix interop/js")
        .isDirectory();

    // QuickTheories with a fixed seed picks the inputs; every example just records itself.
    List<ObjectNode> requests = new ArrayList<>();
    qt().withFixedSeed(20261129L)
        .withExamples(CASES)
        .forAll(Generators.scalars(), Generators.scalars(), Generators.accountIds(), Generators.paths())
        .checkAssert(
            (x, y, predecessor, path) -> {
              ObjectNode req = JSON.createObjectNode();
              req.put("root_secp256k1", new Secp256k1PublicKey(Secp256k1Point.generatorTimes(x)).toNearString());
              req.put(
                  "root_ed25519",
                  new Ed25519PublicKey(Ed25519Point.BASE.multiply(y.value().mod(Ed25519Point.L))).toNearString());
              req.put("predecessor", predecessor.value());
              req.put("path", path);
              requests.add(req);
            });

    Process node =
        new ProcessBuilder("node", "derive.mjs")
            .directory(js.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedWriter w =
        new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8))) {
      for (ObjectNode req : requests) {
        w.write(JSON.writeValueAsString(req));
        w.newLine();
      }
    }
    List<JsonNode> answers = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        answers.add(JSON.readTree(line));
      }
    }
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).isZero();
    assertThat(requests).hasSize(CASES);
    assertThat(answers).hasSize(CASES);

    for (int i = 0; i < CASES; i++) {
      ObjectNode req = requests.get(i);
      JsonNode js0 = answers.get(i);
      String what = "case " + i + " " + req;
      assertThat(js0.has("error")).as(what).isFalse();
      NearAccountId predecessor = NearAccountId.of(req.get("predecessor").asText());
      String path = req.get("path").asText();
      Secp256k1PublicKey child =
          KeyDerivation.deriveSecp256k1(
              (Secp256k1PublicKey) NearPublicKey.parse(req.get("root_secp256k1").asText()), predecessor, path);
      assertThat(child.toHex()).as(what).isEqualTo(js0.get("secp256k1").asText());
      assertThat(Chain.EVM.addressOf(child)).as(what).isEqualTo(js0.get("evm").asText());
      assertThat(Chain.BITCOIN.addressOf(child)).as(what).isEqualTo(js0.get("p2wpkh").asText());
      Ed25519PublicKey edChild =
          KeyDerivation.deriveEd25519(
              (Ed25519PublicKey) NearPublicKey.parse(req.get("root_ed25519").asText()), predecessor, path);
      assertThat(edChild.toNearString()).as(what).isEqualTo(js0.get("ed25519").asText());
    }
  }

}
