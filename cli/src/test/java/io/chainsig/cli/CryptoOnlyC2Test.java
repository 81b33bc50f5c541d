package io.chainsig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CryptoOnlyC2Test {
  private static String diagnostic(String operation) throws Exception {
    return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
        new Object[] {new String[0]}, new String[] {String[].class.getName()}));
  }

  @AfterEach
  void restoreTheDefaultPolicy() throws Exception {
    diagnostic("compilerDirectivesClear");
  }

  @Test
  void theDirectivesParseAndKeepC2ForCryptographyOnly() throws Exception {
    assertThat(CryptoOnlyC2.apply()).isEqualTo("2 compiler directives added");
    String installed = diagnostic("compilerDirectivesPrint");
    assertThat(installed).contains("org/bouncycastle/math/*.*", "io/chainsig/crypto/*.*", "java/math/*.*")
        .doesNotContain("io/chainsig/tss/*.*");
    // The catch-all directive excludes C2 for everything else.
    String catchAll = installed.substring(installed.indexOf("matching: *.*"));
    assertThat(catchAll.substring(catchAll.indexOf("c2 directives"))).contains("Exclude:true");
  }

  @Test
  void aJvmStartedWithTheOptionsLoadsTheDirectives() throws Exception {
    java.util.List<String> options = CryptoOnlyC2.jvmOptions();
    assertThat(options).hasSize(2).first().isEqualTo("-XX:+UnlockDiagnosticVMOptions");
    java.nio.file.Path file = java.nio.file.Path.of(options.get(1).substring("-XX:CompilerDirectivesFile=".length()));
    try (var in = CryptoOnlyC2.class.getResourceAsStream(CryptoOnlyC2.RESOURCE)) {
      assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(in.readAllBytes());
    }
    // The same file again: written once, named by its content.
    assertThat(CryptoOnlyC2.jvmOptions()).isEqualTo(options);
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(options);
    cmd.add("-version");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("2 compiler directives added");
  }
}
