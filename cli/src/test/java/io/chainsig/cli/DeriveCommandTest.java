package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code chainsig derive}: output formats, chains and one-line errors. */
class DeriveCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TESTNET =
      "secp256k1:4NfTiv3UsGahebgTaHyD9vF8KYKMBnfd6kh94mK6xv8fGBiJB8TBtFMP5WWXz6B89Ac1fbpzPwAvoyQebemHFwx3";

  @Test
  void jsonForTheChainsigJsTestnetVector() throws Exception {
    CommandRun run =
        CommandRun.of(
            "derive", "--root", TESTNET, "--account", "derivation-test.testnet", "--path", "unit-test", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode j = JSON.readTree(run.out());
    assertThat(j.get("public_key").asText())
        .isEqualTo(
            "secp256k1:3b3GS4kaAPvzxFUEYKiMvXeuBzttMZosggT3iAAbyZzAfQc1Dn4eLrDshNGGeKZyfSK7xegjPSq553NXHisMLiyA");
    assertThat(j.get("public_key_hex").asText())
        .isEqualTo(
            "04816353e4086e2619542c0212e17dc509a0dc9f11e0979371a3413be4e87c962763918b19f371d97de8f7d0cca3da5ff2f49928a914b2aec5c36585cda219c735");
    assertThat(j.get("address").asText()).isEqualTo("0x0513cb2E7ED8B3c9A2ac54CDcaCa32520b0B7311");
    assertThat(j.get("chain").asText()).isEqualTo("evm");
  }

  @Test
  void aliasesAndTextOutput() {
    CommandRun run =
        CommandRun.of(
            "derive", "--root", "testnet", "--account", "derivation-test.testnet", "--path", "unit-test",
            "--chain", "bitcoin-regtest");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("address").contains("bcrt1q").contains("p2pkh_address");
  }

  @Test
  void ed25519RootsGiveNearAndSolanaAddresses() throws Exception {
    String base =
        "derive --root ed25519:6vSEtQxrQj6txUMh33WC4ERyCWmNMRTdufDWAaDY3Un2 --account derivation-test.testnet"
            + " --path unit-test --json --chain ";
    JsonNode near = JSON.readTree(CommandRun.of((base + "near").split(" ")).out());
    JsonNode sol = JSON.readTree(CommandRun.of((base + "solana").split(" ")).out());
    assertThat(near.get("public_key").asText()).isEqualTo("ed25519:49KFz8zeqrPcaSKqLCXtY79zW98ZW6Nd7W8vSsC7FdKJ");
    assertThat(near.get("address").asText()).isEqualTo(near.get("public_key_hex").asText()).hasSize(64);
    assertThat(sol.get("address").asText()).isEqualTo("49KFz8zeqrPcaSKqLCXtY79zW98ZW6Nd7W8vSsC7FdKJ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--root|secp256k1:abc|--account|a.near|--path|p|1|error: invalid public key",
        "--root|nonsense|--account|a.near|--path|p|1|error: public key 'nonsense' is neither",
        "--root|testnet|--account|Alice|--path|p|1|error: invalid account id 'Alice'",
        "--root|testnet|--account|a..b|--path|p|1|follows another separator",
        "--root|testnet|--account|a.near|--path|p|1|error: chain near needs an ed25519 key",
      })
  void badInputPrintsOneLineAndFails(
      String o1, String v1, String o2, String v2, String o3, String v3, int code, String message) {
    String[] args = {"derive", o1, v1, o2, v2, o3, v3};
    if (message.contains("chain near")) {
      args = new String[] {"derive", o1, v1, o2, v2, o3, v3, "--chain", "near"};
    }
    CommandRun run = CommandRun.of(args);
    assertThat(run.exitCode()).isEqualTo(code);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void unknownChainAndMissingOptionsAreUsageErrors() {
    CommandRun chain =
        CommandRun.of("derive", "--root", "testnet", "--account", "a.near", "--path", "p", "--chain", "doge");
    assertThat(chain.exitCode()).isEqualTo(1);
    assertThat(chain.err()).startsWith("error: unknown chain 'doge'");
    CommandRun missing = CommandRun.of("derive", "--root", "testnet", "--account", "a.near");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--path=PATH'");
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(CommandRun.of("--help").out()).contains("derive");
    CommandRun help = CommandRun.of("derive", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--root").contains("--account").contains("--path").contains("--chain");
  }
}
