package io.chainsig.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets HotSpot's optimising compiler (C2) work only on cryptography, everything else stays with C1
 * (docs/decisions.md, "Devnet processes: C2 for cryptography only"). Long-running processes of a
 * devnet call {@link #apply()} first thing: seven JVMs on two cores never finish C2-compiling the
 * whole of Netty, Jackson and the JDK's HTTP stack, while the elliptic-curve arithmetic needs C2 to
 * be fast. Installed at run time through the JVM's diagnostic-command MBean (the same as {@code
 * jcmd PID Compiler.directives_add}), so no diagnostic command-line flags are needed and nothing
 * is printed. Set {@code CHAINSIG_JIT=default} to keep the JVM's own policy.
 */
public final class CryptoOnlyC2 {
  private static final Logger LOG = LoggerFactory.getLogger(CryptoOnlyC2.class);
  /** The compiler directives (JSON, HotSpot's format), a class-path resource. */
  static final String RESOURCE = "/io/chainsig/cli/devnet/compiler-directives.json";

  private CryptoOnlyC2() {}

  /**
   * Installs the directives unless {@code CHAINSIG_JIT=default}; returns what the JVM answered,
   * or why nothing was installed. Never throws: a JVM without the command runs with its defaults.
   */
  public static String apply() {
    if ("default".equals(System.getenv("CHAINSIG_JIT"))) {
      return "CHAINSIG_JIT=default: JIT policy unchanged";
    }
    Path file = null;
    try (InputStream in = CryptoOnlyC2.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "no " + RESOURCE + " on the class path";
      }
      file = Files.createTempFile("chainsig-compiler-directives", ".json");
      Files.write(file, in.readAllBytes());
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
      String text = String.valueOf(answer).strip();
      LOG.debug("compiler directives: {}", text);
      return text;
    } catch (IOException | JMException | RuntimeException e) {
      LOG.debug("compiler directives not installed: {}", e.toString());
      return "not installed: " + e;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("could not delete {}: {}", file, e.toString());
        }
      }
    }
  }
}
