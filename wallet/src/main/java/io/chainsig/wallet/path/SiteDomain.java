package io.chainsig.wallet.path;

import java.util.regex.Pattern;

/**
 * The domain that owns a key, e.g. {@code near.org}: a lower-case DNS name (or IPv4 address) with
 * no scheme, port or path. Lower case is required rather than folded, so one site can never name
 * two different keys ({@code Near.org} and {@code near.org} would hash to different keys).
 */
public record SiteDomain(String value) {
  /** DNS: labels of 1-63 letters, digits and inner hyphens; at most 253 characters. */
  private static final Pattern NAME =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  /** Validates the domain. */
  public SiteDomain {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidDerivationPathException(
          "domain must be a lower-case host name such as near.org (no scheme, port or path), got "
              + (value == null ? "nothing" : "\"" + value + "\""));
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
