package io.chainsig.node.chain;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import java.nio.charset.StandardCharsets;

/**
 * A sign request waiting in the contract.
 *
 * @param tweakHex the derivation tweak (binds predecessor and path)
 * @param payloadHex the 32-byte message hash to sign
 * @param domainId the key domain
 * @param predecessor the account that asked first
 * @param path the path it gave
 * @param blockHeight the block it arrived in
 * @param entropyHex that block's random value: fresh public entropy for re-randomisation
 */
public record PendingSign(
    String tweakHex,
    String payloadHex,
    int domainId,
    String predecessor,
    String path,
    long blockHeight,
    String entropyHex) {
  /** Validates the hex fields. */
  public PendingSign {
    Hex.decode(tweakHex, 32);
    Hex.decode(payloadHex, 32);
    Hex.decode(entropyHex, 32);
  }

  /** Hex digits of a short id: the first 128 bits of the request id. */
  public static final int SHORT_ID_HEX_DIGITS = 32;

  /**
   * A stable id of the request: SHA-256 of tweak, payload and domain, the same bytes as the
   * contract's {@code RequestKey.requestId}.
   */
  public byte[] requestId() {
    return requestId(tweakHex, payloadHex, domainId);
  }

  /** The id of the request with this tweak, payload and domain (e.g. as a sign proposal names them). */
  public static byte[] requestId(String tweakHex, String payloadHex, int domainId) {
    return Hashes.sha256((tweakHex + "|" + payloadHex + "|" + domainId).getBytes(StandardCharsets.US_ASCII));
  }

  /** The request id in hex, for logs and maps. */
  public String requestIdHex() {
    return Hex.encode(requestId());
  }

  /**
   * The first {@link #SHORT_ID_HEX_DIGITS} hex digits of the request id: how the contract's {@code
   * pending_requests_since} view names the request.
   */
  public String shortId() {
    return requestIdHex().substring(0, SHORT_ID_HEX_DIGITS);
  }
}
