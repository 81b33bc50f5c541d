package io.chainsig.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a local process has used so far, from {@code /proc/PID/stat} (Linux). */
public final class ProcessCpu {
  /** Linux reports utime and stime in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
  static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {}

  /** User plus system CPU seconds of {@code pid}, or NaN if it cannot be read (gone, not Linux). */
  public static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** CPU seconds of this JVM (the benchmark's own client work). */
  public static double self() {
    return seconds(ProcessHandle.current().pid());
  }
}
