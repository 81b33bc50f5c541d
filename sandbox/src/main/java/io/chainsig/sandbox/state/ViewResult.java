package io.chainsig.sandbox.state;

import java.util.Arrays;

/**
 * The value a contract view returned (JSON as UTF-8 bytes), immutable. {@link ContractViews}
 * hands the same instance to every caller of the same view on the same state, so the form NEAR's
 * RPC shows it in is computed once and shared.
 */
public final class ViewResult {
  private final byte[] value;
  /** {@link #rawByteArrayJson()}, computed on first use (a racing second computation is harmless). */
  private volatile AsciiJson byteArrayJson;

  /** A result holding a copy of the value. */
  public ViewResult(byte[] value) {
    this.value = value.clone();
  }

  /** A copy of the value bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** True if the value is exactly these bytes. */
  public boolean hasValue(byte[] other) {
    return Arrays.equals(value, other);
  }

  /**
   * The value as NEAR's RPC returns a view result: a JSON array of the byte values (0-255), without
   * spaces, e.g. {@code [123,125]} for {@code {}}.
   */
  public String byteArrayJson() {
    return rawByteArrayJson().getValue();
  }

  /**
   * {@link #byteArrayJson()} as raw JSON for an answer, with its bytes: the same instance on every
   * call.
   */
  public AsciiJson rawByteArrayJson() {
    AsciiJson json = byteArrayJson;
    if (json == null) {
      json = byteArrayJson(value);
      byteArrayJson = json;
    }
    return json;
  }

  static AsciiJson byteArrayJson(byte[] bytes) {
    // At most three digits and a comma per byte, plus the brackets, written as ASCII bytes.
    byte[] out = new byte[2 + 4 * bytes.length];
    int p = 0;
    out[p++] = '[';
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        out[p++] = ',';
      }
      int b = bytes[i] & 0xff;
      if (b >= 100) {
        out[p++] = (byte) ('0' + b / 100);
        out[p++] = (byte) ('0' + b / 10 % 10);
      } else if (b >= 10) {
        out[p++] = (byte) ('0' + b / 10);
      }
      out[p++] = (byte) ('0' + b % 10);
    }
    out[p++] = ']';
    return AsciiJson.of(out, 0, p);
  }
}
