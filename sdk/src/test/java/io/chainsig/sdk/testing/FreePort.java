package io.chainsig.sdk.testing;

/** A loopback port with nothing listening, for unreachable-RPC tests. */
public final class FreePort {
  private FreePort() {}

  /** A port on 127.0.0.1 that was free a moment ago. */
  public static int next() {
    return LocalProcess.freePort();
  }
}
