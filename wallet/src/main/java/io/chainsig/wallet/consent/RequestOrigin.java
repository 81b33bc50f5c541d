package io.chainsig.wallet.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The web origin a request came from, from the browser's {@code Origin} header: scheme, host and
 * port. The wallet matches a key's domain against {@link #host()}: the port is ignored (a site is
 * its host name), the scheme is checked by {@link #isSecure()}.
 */
public record RequestOrigin(String scheme, String host, int port) {
  /** Validates and lower-cases. */
  public RequestOrigin {
    scheme = scheme.toLowerCase(Locale.ROOT);
    host = host.toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("origin scheme must be http or https, got " + scheme);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("origin has no host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("origin port out of range: " + port);
    }
  }

  /** Parses an {@code Origin} header value such as {@code https://near.org}; {@code null} is refused. */
  public static RequestOrigin parse(String header) {
    if (header == null || header.isBlank() || header.equals("null")) {
      throw new IllegalArgumentException("the request has no usable Origin header");
    }
    try {
      URI uri = new URI(header.strip());
      if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + header);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
      String host = uri.getHost().startsWith("[") ? uri.getHost() : uri.getHost();
      return new RequestOrigin(scheme, host, port);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an origin: " + header, e);
    }
  }

  /** True for https, and for http on the loopback host (a developer's own machine). */
  public boolean isSecure() {
    return scheme.equals("https") || isLoopback();
  }

  /** True for localhost, 127.0.0.1 and [::1]. */
  public boolean isLoopback() {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  /** The origin as the Origin header writes it (default ports left out). */
  public String serialized() {
    boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }

  /** What prompts call the site: its host name. */
  public String displayName() {
    return host;
  }

  @Override
  public String toString() {
    return serialized();
  }
}
