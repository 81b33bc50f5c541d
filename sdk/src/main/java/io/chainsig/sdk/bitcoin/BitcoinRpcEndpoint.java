package io.chainsig.sdk.bitcoin;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A Bitcoin Core compatible JSON-RPC endpoint: the URL without credentials, and the user and
 * password that were in it. {@link #toString()} never shows the password.
 *
 * @param url {@code http(s)://host:port[/path]}, without user info
 * @param user the RPC user, empty if none
 * @param password the RPC password, empty if none
 */
public record BitcoinRpcEndpoint(URI url, String user, String password) {
  /** Rejects a URL that is not http(s) with a host, or that still carries user info. */
  public BitcoinRpcEndpoint {
    if (url == null || url.getHost() == null || url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new IllegalArgumentException("Bitcoin RPC URL must be http(s)://[user:password@]host:port[/path]");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("pass the credentials separately, not in the URL");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /**
   * Parses {@code http://user:password@host:port[/path]}; user and password are percent-decoded.
   *
   * @throws IllegalArgumentException if the text is not such a URL (the message omits the password)
   */
  public static BitcoinRpcEndpoint parse(String text) {
    URI uri;
    try {
      uri = new URI(text == null ? "" : text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Bitcoin RPC URL is not a valid URL");
    }
    String user = "";
    String password = "";
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    try {
      URI bare = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      return new BitcoinRpcEndpoint(bare, user, password);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Bitcoin RPC URL is not a valid URL");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** True if a user or password was given. */
  public boolean hasCredentials() {
    return !user.isEmpty() || !password.isEmpty();
  }

  /** The same node, with a path appended (e.g. {@code /wallet/name}). */
  public BitcoinRpcEndpoint withPath(String path) {
    return new BitcoinRpcEndpoint(url.resolve(path), user, password);
  }

  @Override
  public String toString() {
    return "BitcoinRpcEndpoint[" + url + (hasCredentials() ? ", user=" + user + ", password=<redacted>" : "") + "]";
  }
}
