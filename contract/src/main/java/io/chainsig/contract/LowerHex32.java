package io.chainsig.contract;

/**
 * The check for 32 bytes written as 64 lower-case hex digits, as tweaks and payloads are. The same
 * strings as the pattern {@code [0-9a-f]{64}} accepts, without a regular expression: request keys
 * are checked on every contract call and every decoded pending request.
 */
final class LowerHex32 {
  /** Characters in 32 bytes of hex. */
  static final int LENGTH = 64;

  private LowerHex32() {}

  /** True if {@code s} is exactly 64 characters, each {@code 0-9} or {@code a-f}. */
  static boolean matches(String s) {
    if (s.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
