package io.chainsig.benchmarks.tss;

import io.chainsig.tss.ParticipantId;
import io.chainsig.tss.simulation.RunResult;
import java.util.Map;

/**
 * Prints the bytes and messages each participant sends in keygen, presign and sign for N = 3, 5,
 * 7, 13 (a broadcast counts once per recipient), as a Markdown table for docs/performance.md.
 */
public final class ProtocolTraffic {
  private ProtocolTraffic() {}

  /** Runs each protocol once per N and prints the table. */
  public static void main(String[] args) {
    System.out.println("| N | t | keygen bytes/party | presign bytes/party | sign bytes (signer -> leader) | messages keygen/presign/sign per party |");
    System.out.println("|---|---|---|---|---|---|");
    for (int n : new int[] {3, 5, 7, 13}) {
      var keygen = ThresholdRuns.keygen(n);
      var presign = ThresholdRuns.presign(keygen.outputs());
      var sign = ThresholdRuns.sign(presign.outputs());
      ParticipantId p = ParticipantId.of(2);
      System.out.printf(
          "| %d | %d | %d | %d | %d | %d / %d / %d |%n",
          n, (n - 1) / 2, bytes(keygen, p), bytes(presign, p), bytes(sign, p),
          keygen.messagesSent().get(p), presign.messagesSent().get(p), sign.messagesSent().get(p));
    }
  }

  private static long bytes(RunResult<?> r, ParticipantId p) {
    return r.bytesSent().getOrDefault(p, 0L);
  }

  static Map<ParticipantId, Long> all(RunResult<?> r) {
    return r.bytesSent();
  }
}
