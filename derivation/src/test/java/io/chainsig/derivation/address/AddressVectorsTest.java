package io.chainsig.derivation.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainsig.crypto.encoding.Bech32;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.derivation.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Official BIP-173 / BIP-350 bech32 and segwit vectors, and EIP-55 vectors. */
class AddressVectorsTest {
  private static final JsonNode BECH32 = VectorFiles.load("bech32.json");
  private static final JsonNode SEGWIT = VectorFiles.load("segwit-addresses.json");
  private static final JsonNode EIP55 = VectorFiles.load("eip55.json");

  @TestFactory
  Stream<DynamicTest> bech32Strings() {
    List<DynamicTest> tests = new ArrayList<>();
    addValid(tests, "valid_bech32", Bech32.Variant.BECH32);
    addValid(tests, "valid_bech32m", Bech32.Variant.BECH32M);
    addInvalid(tests, "invalid_bech32", Bech32.Variant.BECH32);
    addInvalid(tests, "invalid_bech32m", Bech32.Variant.BECH32M);
    assertThat(tests).hasSize(7 + 7 + 12 + 14);
    return tests.stream();
  }

  private static void addValid(List<DynamicTest> tests, String key, Bech32.Variant variant) {
    for (JsonNode v : BECH32.get(key)) {
      String s = v.asText();
      tests.add(
          DynamicTest.dynamicTest(
              key + " " + s,
              () -> {
                Bech32.Decoded d = Bech32.decode(s);
                assertThat(d.variant()).isEqualTo(variant);
                assertThat(Bech32.encode(d.hrp(), d.data(), variant)).isEqualTo(s.toLowerCase(Locale.ROOT));
              }));
    }
  }

  private static void addInvalid(List<DynamicTest> tests, String key, Bech32.Variant variant) {
    for (JsonNode v : BECH32.get(key)) {
      String s = v.get("string").asText();
      tests.add(
          DynamicTest.dynamicTest(
              key + " " + v.get("reason").asText(),
              () -> {
                // Invalid as this variant: either not decodable at all, or only as the other one.
                try {
                  assertThat(Bech32.decode(s).variant()).isNotEqualTo(variant);
                } catch (InvalidEncodingException expected) {
                  assertThat(expected.getMessage()).isNotBlank();
                }
              }));
    }
  }

  @TestFactory
  Stream<DynamicTest> segwitAddresses() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : SEGWIT.get("valid")) {
      String address = v.get("address").asText();
      tests.add(
          DynamicTest.dynamicTest(
              "valid " + address,
              () -> {
                SegwitAddress a = SegwitAddress.decode(address);
                assertThat(Hex.encode(a.scriptPubKey())).isEqualTo(v.get("scriptPubKey").asText());
                assertThat(a.encode()).isEqualTo(address.toLowerCase(Locale.ROOT));
              }));
    }
    for (JsonNode v : SEGWIT.get("invalid")) {
      String address = v.get("address").asText();
      tests.add(
          DynamicTest.dynamicTest(
              "invalid " + address + " (" + v.get("reason").asText() + ")",
              () ->
                  assertThatThrownBy(() -> SegwitAddress.decode(address))
                      .isInstanceOf(InvalidAddressException.class)));
    }
    for (JsonNode v : SEGWIT.get("invalid_encode")) {
      tests.add(
          DynamicTest.dynamicTest(
              "invalid encode " + v,
              () ->
                  assertThatThrownBy(
                          () ->
                              SegwitAddress.of(
                                  v.get("hrp").asText(),
                                  v.get("version").asInt(),
                                  new byte[v.get("length").asInt()]))
                      .isInstanceOf(InvalidAddressException.class)));
    }
    assertThat(tests).hasSize(8 + 26 + 5);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> eip55Checksums() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode v : EIP55.get("checksummed")) {
      String address = v.asText();
      tests.add(
          DynamicTest.dynamicTest(
              address,
              () -> {
                EvmAddress lower = EvmAddress.parse("0x" + address.substring(2).toLowerCase(Locale.ROOT));
                assertThat(lower.toChecksumString()).isEqualTo(address);
                assertThat(EvmAddress.parse(address)).isEqualTo(lower);
                // Flipping the case of one letter breaks the checksum.
                int i = firstLetter(address);
                if (i > 0) {
                  char c = address.charAt(i);
                  String flipped =
                      address.substring(0, i)
                          + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                          + address.substring(i + 1);
                  String digits = flipped.substring(2);
                  boolean stillUniform =
                      digits.equals(digits.toLowerCase(Locale.ROOT)) || digits.equals(digits.toUpperCase(Locale.ROOT));
                  if (!stillUniform) {
                    assertThatThrownBy(() -> EvmAddress.parse(flipped))
                        .isInstanceOf(InvalidAddressException.class)
                        .hasMessageContaining("checksum");
                  }
                }
              }));
    }
    assertThat(tests).hasSize(8);
    return tests.stream();
  }

  private static int firstLetter(String address) {
    for (int i = 2; i < address.length(); i++) {
      if (Character.isLetter(address.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
