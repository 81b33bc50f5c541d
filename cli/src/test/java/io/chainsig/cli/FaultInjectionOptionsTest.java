package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.cli.devnet.NodeFault;
import io.chainsig.node.mpc.FaultInjection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainsig node --fault-injection MODE} and {@code chainsig devnet up --fault-injection
 * ID:MODE}: wrong values are refused before anything starts.
 */
class FaultInjectionOptionsTest {
  @TempDir Path dir;

  @Test
  void anUnknownNodeModeIsAUsageError() {
    CommandRun run = CommandRun.of("node", "--home", dir.toString(), "--fault-injection=keygen");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown fault-injection mode 'keygen'; one of off, presign, sign");
  }

  @Test
  void devnetFaultsNeedAnIdAndAModeOfANodeThatExists() throws Exception {
    CommandRun badForm = CommandRun.of("devnet", "up", "--home", dir.toString(), "--fault-injection", "presign");
    assertThat(badForm.exitCode()).isEqualTo(2);
    assertThat(badForm.err()).contains("fault injection must be ID:MODE (e.g. 3:presign), got 'presign'");

    CommandRun off = CommandRun.of("devnet", "up", "--home", dir.toString(), "--fault-injection", "2:off");
    assertThat(off.exitCode()).isEqualTo(2);
    assertThat(off.err()).contains("a mode other than off is needed for node 2");

    Path home = dir.resolve("devnet");
    CommandRun noSuchNode = CommandRun.of("devnet", "up", "--home", home.toString(), "--nodes", "5", "--fault-injection", "6:sign");
    assertThat(noSuchNode.exitCode()).isEqualTo(1);
    assertThat(noSuchNode.err().strip()).isEqualTo("error: fault injection: there is no node 6 (nodes 1..5)");
    assertThat(Files.exists(home)).as("nothing was started or written").isFalse();

    CommandRun twice = CommandRun.of("devnet", "up", "--home", home.toString(), "--fault-injection", "2:sign", "--fault-injection", "2:presign");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err().strip()).isEqualTo("error: fault injection: node 2 is named twice");
  }

  @Test
  void nodeFaultsParse() {
    assertThat(NodeFault.parse("3:presign")).isEqualTo(new NodeFault(3, FaultInjection.PRESIGN));
    assertThat(NodeFault.parse("12:SIGN")).isEqualTo(new NodeFault(12, FaultInjection.SIGN));
    assertThatThrownBy(() -> NodeFault.parse("x:sign")).hasMessageContaining("must be ID:MODE");
    assertThatThrownBy(() -> NodeFault.parse("0:sign")).hasMessageContaining("1 or more");
    assertThatThrownBy(() -> NodeFault.parse("3:")).hasMessageContaining("unknown fault-injection mode ''");
  }
}
