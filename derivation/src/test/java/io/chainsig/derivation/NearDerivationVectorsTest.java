package io.chainsig.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.derivation.address.EvmAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every vector of {@code near-derivation.json} (captured from NEAR's production contracts). */
class NearDerivationVectorsTest {
  private static final JsonNode VECTORS = VectorFiles.load("near-derivation.json");

  @TestFactory
  Stream<DynamicTest> secp256k1ChildKeys() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : VECTORS.get("secp256k1")) {
      String name = v.get("predecessor").asText() + "," + v.get("path").asText();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                NearAccountId predecessor = NearAccountId.of(v.get("predecessor").asText());
                String path = v.get("path").asText();
                assertThat(DerivationTweak.of(predecessor, path).toHex())
                    .isEqualTo(v.get("tweak").asText());
                Secp256k1PublicKey root = (Secp256k1PublicKey) NearPublicKey.parse(v.get("root").asText());
                Secp256k1PublicKey child = KeyDerivation.deriveSecp256k1(root, predecessor, path);
                assertThat(child.toNearString()).isEqualTo(v.get("derived").asText());
                assertThat(child.toHex()).isEqualTo(v.get("derived_uncompressed").asText());
                assertThat(EvmAddress.of(child).toChecksumString().toLowerCase(Locale.ROOT))
                    .isEqualTo(v.get("evm_address").asText());
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> ed25519ChildKeys() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : VECTORS.get("ed25519")) {
      tests.add(
          DynamicTest.dynamicTest(
              v.get("predecessor").asText() + "," + v.get("path").asText(),
              () -> {
                Ed25519PublicKey root = (Ed25519PublicKey) NearPublicKey.parse(v.get("root").asText());
                Ed25519PublicKey child =
                    KeyDerivation.deriveEd25519(
                        root, NearAccountId.of(v.get("predecessor").asText()), v.get("path").asText());
                assertThat(child.toNearString()).isEqualTo(v.get("derived").asText());
              }));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> tweakOnly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : VECTORS.get("tweak_only").get("cases")) {
      tests.add(
          DynamicTest.dynamicTest(
              v.get("predecessor").asText() + "," + v.get("path").asText(),
              () ->
                  assertThat(
                          DerivationTweak.of(
                                  NearAccountId.of(v.get("predecessor").asText()), v.get("path").asText())
                              .toHex())
                      .isEqualTo(v.get("tweak").asText())));
    }
    assertThat(tests).hasSize(16);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> productionRootsRoundTrip() {
    List<DynamicTest> tests = new ArrayList<>();
    VECTORS
        .get("roots")
        .fields()
        .forEachRemaining(
            e ->
                tests.add(
                    DynamicTest.dynamicTest(
                        e.getKey(),
                        () ->
                            assertThat(NearPublicKey.parse(e.getValue().asText()).toNearString())
                                .isEqualTo(e.getValue().asText()))));
    return tests.stream();
  }
}
