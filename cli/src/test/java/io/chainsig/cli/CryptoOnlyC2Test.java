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
    assertThat(installed).contains("org/bouncycastle/math/*.*", "io/chainsig/tss/*.*", "java/math/*.*");
    // The catch-all directive excludes C2 for everything else.
    String catchAll = installed.substring(installed.indexOf("matching: *.*"));
    assertThat(catchAll.substring(catchAll.indexOf("c2 directives"))).contains("Exclude:true");
  }
}
