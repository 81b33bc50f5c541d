package io.chainsig.near.rpc;

import java.util.Arrays;

/**
 * Finds the bytes of a view call's answer, {@code {"result":{"result":[123,34,...],...},...}}, in
 * the raw JSON-RPC answer without building a tree of one JSON node per byte.
 *
 * <p>The scanner only locates the array and decodes it; it does not validate the rest of the
 * answer. The caller parses the answer with the array cut out (a few hundred bytes) to check that
 * it is JSON, to handle RPC errors, and to confirm the array sat at {@code result.result}. The
 * scanner walks the answer up to the array as JSON does (strings with escapes, nested values), so
 * on any answer that is JSON it finds the right array; on anything unusual (the array not where a
 * view answer has it, an element that is not an integer 0..255) it finds nothing and the caller
 * falls back to parsing the whole answer.
 */
final class ViewAnswerScanner {
  private static final byte[] RESULT = {'"', 'r', 'e', 's', 'u', 'l', 't', '"'};

  private ViewAnswerScanner() {}

  /**
   * The byte array found in an answer.
   *
   * @param start the index of its {@code [}
   * @param end the index just after its {@code ]}
   * @param bytes the decoded bytes
   */
  record Found(int start, int end, byte[] bytes) {}

  /** The byte array at {@code result.result} of {@code answer}, or null if it is not plainly there. */
  static Found scan(byte[] answer) {
    int i = skipWhitespace(answer, 0);
    if (i >= answer.length || answer[i] != '{') {
      return null;
    }
    // Members of the top-level object, then of its "result" object.
    for (int depth = 1; depth <= 2; ) {
      i = skipWhitespace(answer, i + 1);
      if (i >= answer.length || answer[i] != '"') {
        return null;
      }
      boolean isResult = startsWith(answer, i, RESULT);
      i = skipString(answer, i);
      i = skipWhitespace(answer, i);
      if (i < 0 || i >= answer.length || answer[i] != ':') {
        return null;
      }
      i = skipWhitespace(answer, i + 1);
      if (i >= answer.length) {
        return null;
      }
      if (isResult && depth == 1 && answer[i] == '{') {
        depth = 2;
        continue;
      }
      if (isResult && depth == 2 && answer[i] == '[') {
        return decodeBytes(answer, i);
      }
      i = skipValue(answer, i);
      i = skipWhitespace(answer, i);
      if (i < 0 || i >= answer.length || answer[i] != ',') {
        return null; // end of the object (or garbage) before the array
      }
    }
    return null;
  }

  /** Decodes {@code [n, n, ...]} starting at {@code start} with every n an integer 0..255 in JSON form. */
  private static Found decodeBytes(byte[] in, int start) {
    // Every element takes at least two characters ("0,"), so this bounds the count.
    byte[] out = new byte[(in.length - start) / 2 + 1];
    int n = 0;
    int i = skipWhitespace(in, start + 1);
    if (i < in.length && in[i] == ']') {
      return new Found(start, i + 1, new byte[0]);
    }
    while (i < in.length) {
      int c = in[i];
      if (c < '0' || c > '9') {
        return null;
      }
      int value = c - '0';
      i++;
      if (value != 0) { // JSON allows no leading zeros
        while (i < in.length && in[i] >= '0' && in[i] <= '9' && value <= 255) {
          value = value * 10 + (in[i] - '0');
          i++;
        }
      }
      if (value > 255) {
        return null;
      }
      out[n++] = (byte) value;
      i = skipWhitespace(in, i);
      if (i >= in.length) {
        return null;
      }
      if (in[i] == ']') {
        return new Found(start, i + 1, Arrays.copyOf(out, n));
      }
      if (in[i] != ',') {
        return null;
      }
      i = skipWhitespace(in, i + 1);
    }
    return null;
  }

  /** The index after the JSON value starting at {@code i}, or -1 if it does not end. */
  private static int skipValue(byte[] in, int i) {
    int depth = 0;
    while (i < in.length) {
      byte c = in[i];
      if (c == '"') {
        i = skipString(in, i);
        if (i < 0) {
          return -1;
        }
        if (depth == 0) {
          return i;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i; // end of the enclosing object: a scalar ran up to it
        }
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
        return i; // end of a number or literal
      }
      i++;
    }
    return -1;
  }

  /** The index after the string whose opening quote is at {@code i}, or -1 if it does not end. */
  private static int skipString(byte[] in, int i) {
    for (i++; i < in.length; i++) {
      byte c = in[i];
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int skipWhitespace(byte[] in, int i) {
    if (i < 0) {
      return i;
    }
    while (i < in.length && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r' || in[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] in, int i, byte[] prefix) {
    if (in.length - i < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (in[i + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
