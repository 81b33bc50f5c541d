package io.chainsig.cli;

import picocli.CommandLine;

/** Prints the chainsig version and the Java runtime it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "chainsig " + (v == null ? "0.1.0-SNAPSHOT" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"
    };
  }
}
