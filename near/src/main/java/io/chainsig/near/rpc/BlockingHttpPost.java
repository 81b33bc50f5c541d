package io.chainsig.near.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * A blocking HTTP POST of one JSON body, on the calling thread, over the JDK's keep-alive
 * connection cache ({@link HttpURLConnection}; {@code https} URLs work the same way).
 *
 * <p>Why not {@code java.net.http.HttpClient}: every call of its blocking {@code send} hands the
 * exchange to its selector thread and an executor thread and back, three threads and several
 * context switches per call. A node reads the contract ten or more times a second and a benchmark
 * client has dozens of calls open at once; at 58 signatures a second the HTTP client was 10% of a
 * node's CPU samples (docs/performance.md). This one does the whole exchange on the caller's
 * thread, and an idle connection goes back to the JDK's per-host cache for the next call.
 */
final class BlockingHttpPost {
  /** The largest answer accepted (a long pending list is tens of kilobytes). */
  static final int MAX_ANSWER_BYTES = 64 << 20;

  private final URL url;
  private final int connectTimeoutMs;
  private final int readTimeoutMs;

  BlockingHttpPost(URI url, Duration connectTimeout, Duration readTimeout) {
    try {
      this.url = url.toURL();
    } catch (java.net.MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an HTTP URL: " + url, e);
    }
    if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
      throw new IllegalArgumentException("not an HTTP URL: " + url);
    }
    this.connectTimeoutMs = Math.toIntExact(connectTimeout.toMillis());
    this.readTimeoutMs = Math.toIntExact(readTimeout.toMillis());
  }

  /**
   * Posts {@code body} as {@code application/json} and returns the status and the whole answer
   * body (also for 4xx/5xx answers, whose bodies carry the JSON-RPC error).
   *
   * @throws IOException if the server cannot be reached, the answer does not come within the read
   *     timeout, or it is longer than {@link #MAX_ANSWER_BYTES}
   */
  NearRpcClient.Answer post(byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setConnectTimeout(connectTimeoutMs);
    c.setReadTimeout(readTimeoutMs);
    c.setUseCaches(false);
    c.setDoOutput(true);
    c.setRequestMethod("POST");
    c.setRequestProperty("Content-Type", "application/json");
    c.setFixedLengthStreamingMode(body.length);
    try {
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      int status = c.getResponseCode();
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      byte[] answer;
      if (in == null) {
        answer = new byte[0];
      } else {
        try (in) {
          // Read to the end, so the connection can be reused for the next call.
          answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
      }
      if (answer.length > MAX_ANSWER_BYTES) {
        c.disconnect();
        throw new IOException("answer longer than " + MAX_ANSWER_BYTES + " bytes");
      }
      return new NearRpcClient.Answer(status, answer);
    } catch (IOException e) {
      // A connection in an unknown state is not given back to the cache.
      c.disconnect();
      throw e;
    }
  }
}
