package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code ./chainsig bench} against the shared devnet (real processes on 127.0.0.1): every request
 * answered and verified, the report's numbers hang together, and the plot is an SVG document.
 */
@ExtendWith(SharedDevnet.class)
class BenchIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void benchReportsThroughputLatencyPoolAndCpuAndWritesAPlot(@TempDir Path dir) throws Exception {
    Path plot = dir.resolve("bench.svg");
    ChainsigLauncher.Result r = ChainsigLauncher.run(300, "bench", "--devnet", SharedDevnet.file().toString(),
        "--requests", "24", "--concurrency", "4", "--warmup", "4", "--plot", plot.toString(), "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).as("progress goes to stderr").contains("24/24 done").doesNotContain("Exception");
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.path("ok").asInt()).isEqualTo(24);
    assertThat(report.path("failed").asInt()).isZero();
    assertThat(report.path("nodes").asInt()).isEqualTo(5);
    assertThat(report.path("throughput_per_s").asDouble()).isPositive();

    JsonNode network = report.path("network_latency_ms");
    assertThat(network.path("count").asLong()).as("every request was signed by a leader during the run").isGreaterThanOrEqualTo(24);
    JsonNode e2e = report.path("end_to_end_latency_ms");
    assertThat(e2e.path("count").asLong()).isEqualTo(24);
    assertThat(network.path("p50").asDouble()).isPositive().isLessThanOrEqualTo(network.path("p99").asDouble());
    assertThat(e2e.path("p50").asDouble()).isLessThanOrEqualTo(e2e.path("p95").asDouble())
        .isLessThanOrEqualTo(e2e.path("max").asDouble());
    assertThat(network.path("p50").asDouble()).as("the network's part is within the end-to-end time")
        .isLessThan(e2e.path("max").asDouble());

    assertThat(report.path("presignatures_ready").path("samples").size()).isPositive();
    assertThat(report.path("cpu_ms_per_signature").path("nodes").asDouble()).isPositive();
    assertThat(report.path("cpu_ms_per_signature").path("sandbox").asDouble()).isPositive();

    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(plot));
    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg.getElementsByTagName("circle").getLength()).as("one dot per request").isEqualTo(24);
    assertThat(svg.getElementsByTagName("path").getLength()).as("latency, pool and rate lines").isGreaterThanOrEqualTo(3);
  }

  @Test
  void benchRefusesAMissingDevnetFileInOneLine(@TempDir Path dir) {
    ChainsigLauncher.assertOneErrorLine(
        ChainsigLauncher.run("bench", "--devnet", dir.resolve("nope.json").toString()), "error: no devnet file");
  }

  @Test
  void benchRefusesNonsenseNumbersInOneLine() {
    ChainsigLauncher.assertOneErrorLine(ChainsigLauncher.run("bench", "--requests", "0"), "error: --requests must be");
    ChainsigLauncher.assertOneErrorLine(ChainsigLauncher.run("bench", "--concurrency", "0"), "error: --concurrency must be");
  }
}
