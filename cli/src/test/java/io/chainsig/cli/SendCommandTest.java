package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code chainsig address} and {@code chainsig send}: input that is wrong on its face is refused
 * with one {@code error:} line before anything is read or contacted (the devnet file named here
 * does not even exist).
 */
class SendCommandTest {
  private static final String NO_DEVNET = "/nonexistent/devnet.json";

  private static void assertOneErrorLine(CommandRun run, String start) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err().strip()).startsWith(start);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1234", "0x00000000000000000000000000000000000C0de1", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"})
  void aBadEvmDestinationIsRefusedFirst(String to) {
    assertOneErrorLine(CommandRun.of("send", "evm", "--devnet", NO_DEVNET, "--path", "p", "--evm-rpc", "http://127.0.0.1:1",
        "--to", to, "--value-wei", "1"), "error: bad destination address '" + to + "'");
  }

  @ParameterizedTest
  @CsvSource({
    "--to, tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx, error: bad destination address",
    "--to, bc1qnotanaddress, error: bad destination address",
    "--to-script, 76a914751e76e8199196d454941c45d1b3a323f1433bd688ac, error: bad destination script"
  })
  void aBadBitcoinDestinationIsRefusedFirst(String option, String destination, String error) {
    assertOneErrorLine(CommandRun.of("send", "bitcoin", "--devnet", NO_DEVNET, "--path", "p",
        "--btc-rpc", "http://u:p@127.0.0.1:1", option, destination, "--amount-sat", "1000", "--fee-rate", "2"), error);
  }

  @ParameterizedTest
  @CsvSource({
    "--chain=evm, --json, --fee-rate=2, 'error: --chain must be bitcoin, bitcoin-testnet or bitcoin-regtest'",
    "--chain=solana, --hrp=rltc, --fee-rate=2, 'error: --chain must be bitcoin, bitcoin-testnet or bitcoin-regtest'",
    "--chain=bitcoin, --json, --fee-rate=0, 'error: fee rate must be 1 to 100000 sat/vB, got 0'"
  })
  void badBitcoinOptionsAreRefusedFirst(String chain, String other, String feeRate, String error) {
    assertOneErrorLine(CommandRun.of("send", "bitcoin", "--devnet", NO_DEVNET, "--path", "p",
        "--btc-rpc", "http://u:p@127.0.0.1:1", "--to", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "--amount-sat", "1000", feeRate, chain, other), error);
  }

  @ParameterizedTest
  @CsvSource({
    "solana, error: the signer contract signs secp256k1 keys",
    "dogecoin, error: unknown chain 'dogecoin'"
  })
  void addressRefusesChainsTheContractCannotSignFor(String chain, String error) {
    assertOneErrorLine(CommandRun.of("address", "--devnet", NO_DEVNET, "--path", "p", "--chain", chain), error);
  }

  @ParameterizedTest
  @ValueSource(strings = {"address", "send evm", "send bitcoin"})
  void eachCommandHasHelp(String command) {
    String[] args = (command + " --help").split(" ");
    CommandRun run = CommandRun.of(args);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--devnet=FILE").contains("--path=P").contains("--json");
  }

  @org.junit.jupiter.api.Test
  void aMissingDevnetFileIsOneErrorLine() {
    assertOneErrorLine(CommandRun.of("address", "--devnet", NO_DEVNET, "--path", "p"), "error: cannot read devnet file");
  }
}
