package io.chainsig.derivation;

import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import java.util.Locale;

/**
 * A public key as NEAR writes it: {@code secp256k1:<base58 of X||Y>} or {@code
 * ed25519:<base58 of the 32-byte point>}.
 */
public sealed interface NearPublicKey permits Secp256k1PublicKey, Ed25519PublicKey {

  /** The NEAR key string. */
  String toNearString();

  /**
   * The SEC1/RFC 8032 bytes in hex: uncompressed SEC1 (65 bytes) for secp256k1, the 32-byte point
   * for ed25519.
   */
  String toHex();

  /**
   * Parses a NEAR key string, or for secp256k1 also SEC1 hex (33-byte compressed or 65-byte
   * uncompressed, optional {@code 0x}).
   *
   * @throws InvalidPublicKeyException with a one-line reason
   */
  static NearPublicKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidPublicKeyException("public key is empty");
    }
    String s = text.strip();
    int colon = s.indexOf(':');
    try {
      if (colon < 0) {
        byte[] sec1;
        try {
          sec1 = Hex.decode(s);
        } catch (InvalidEncodingException e) {
          throw new InvalidPublicKeyException(
              "public key '" + s + "' is neither 'secp256k1:<base58>', 'ed25519:<base58>' nor SEC1 hex");
        }
        return new Secp256k1PublicKey(Secp256k1Point.fromSec1(sec1));
      }
      String type = s.substring(0, colon).toLowerCase(Locale.ROOT);
      String data = s.substring(colon + 1);
      return switch (type) {
        case "secp256k1" -> new Secp256k1PublicKey(Secp256k1Point.fromXy(Base58.decode(data, 64)));
        case "ed25519" -> new Ed25519PublicKey(Ed25519Point.decode(Base58.decode(data, 32)));
        default ->
            throw new InvalidPublicKeyException(
                "unknown key type '" + s.substring(0, colon) + "' (expected secp256k1 or ed25519)");
      };
    } catch (InvalidEncodingException e) {
      throw new InvalidPublicKeyException("invalid public key: " + e.getMessage());
    }
  }
}
