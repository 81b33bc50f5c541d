package io.chainsig.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets HotSpot's optimising compiler (C2) work only on cryptography, everything else stays with C1
 * (docs/decisions.md, "Devnet processes: C2 for cryptography only"): seven JVMs on two cores never
 * finish C2-compiling the whole of Netty, Jackson and the JDK's HTTP stack, while the
 * elliptic-curve arithmetic needs C2 to be fast. The devnet starts its node and sandbox processes
 * with {@link #jvmOptions()} (free at start-up); the bench's own JVM, already running, calls {@link
 * #apply()}, which goes through the diagnostic-command MBean (the same as {@code jcmd PID
 * Compiler.directives_add}; starting the MBean server costs about a second). Set {@code
 * CHAINSIG_JIT=default} to keep the JVM's own policy.
 */
public final class CryptoOnlyC2 {
  private static final Logger LOG = LoggerFactory.getLogger(CryptoOnlyC2.class);
  /** The compiler directives (JSON, HotSpot's format), a class-path resource. */
  static final String RESOURCE = "/io/chainsig/cli/devnet/compiler-directives.json";

  private CryptoOnlyC2() {}

  private static boolean disabled() {
    return "default".equals(System.getenv("CHAINSIG_JIT"));
  }

  /**
   * The directives written once to the temporary directory, named by a hash of their content (so
   * a file another version wrote is never taken for this one's).
   *
   * @throws IOException if the resource is missing or the file cannot be written
   */
  private static Path directivesFile() throws IOException {
    byte[] content;
    try (InputStream in = CryptoOnlyC2.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE + " on the class path");
      }
      content = in.readAllBytes();
    }
    String name = "chainsig-compiler-directives-"
        + io.chainsig.crypto.encoding.Hex.encode(io.chainsig.crypto.Hashes.sha256(content)).substring(0, 16) + ".json";
    Path file = Path.of(System.getProperty("java.io.tmpdir"), name);
    if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
      Path tmp = Files.createTempFile(file.getParent(), name, ".tmp");
      Files.write(tmp, content);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }

  /**
   * The command-line options that install the directives in a new JVM ({@link #directivesFile()});
   * empty with {@code CHAINSIG_JIT=default} or if the file cannot be written.
   */
  public static List<String> jvmOptions() {
    if (disabled()) {
      return List.of();
    }
    try {
      return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + directivesFile());
    } catch (IOException | RuntimeException e) {
      LOG.debug("compiler directives not passed on: {}", e.toString());
      return List.of();
    }
  }

  /**
   * Installs the directives unless {@code CHAINSIG_JIT=default}; returns what the JVM answered,
   * or why nothing was installed. Never throws: a JVM without the command runs with its defaults.
   */
  public static String apply() {
    if (disabled()) {
      return "CHAINSIG_JIT=default: JIT policy unchanged";
    }
    try {
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {directivesFile().toString()}}, new String[] {String[].class.getName()});
      String text = String.valueOf(answer).strip();
      LOG.debug("compiler directives: {}", text);
      return text;
    } catch (IOException | JMException | RuntimeException e) {
      LOG.debug("compiler directives not installed: {}", e.toString());
      return "not installed: " + e;
    }
  }
}
