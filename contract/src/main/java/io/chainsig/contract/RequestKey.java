package io.chainsig.contract;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identity of a sign request as NEAR's contract sees it: the derivation tweak (which already
 * binds predecessor and path), the payload and the domain. Identical pending requests share one
 * response.
 *
 * @param tweakHex the 32-byte tweak, 64 lower-case hex digits
 * @param payloadHex the 32-byte ECDSA payload (message hash), 64 lower-case hex digits
 * @param domainId the domain whose key signs
 */
public record RequestKey(String tweakHex, String payloadHex, int domainId) {
  /** Bytes of the request id a short id keeps (128 bits). */
  public static final int SHORT_ID_BYTES = 16;

  /** Validates the hex fields. */
  public RequestKey {
    if (tweakHex == null || !LowerHex32.matches(tweakHex)) {
      throw new ContractException("tweak must be 32 bytes as 64 lower-case hex digits");
    }
    if (payloadHex == null || !LowerHex32.matches(payloadHex)) {
      throw new ContractException("payload must be 32 bytes as 64 lower-case hex digits");
    }
    if (domainId < 0) {
      throw new ContractException("domain id must not be negative");
    }
  }

  /**
   * The request id the MPC nodes name this request by: SHA-256 of {@code tweak|payload|domain}
   * (the hex as the pending list shows it, the domain in decimal, US-ASCII). The node computes the
   * same bytes ({@code PendingSign.requestId}).
   */
  public byte[] requestId() {
    return Hashes.sha256((tweakHex + "|" + payloadHex + "|" + domainId).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The first {@link #SHORT_ID_BYTES} bytes of {@link #requestId()} as 32 lower-case hex digits:
   * how the {@code pending_requests_since} view names every pending request.
   */
  public String shortId() {
    return Hex.encode(Arrays.copyOf(requestId(), SHORT_ID_BYTES));
  }
}
