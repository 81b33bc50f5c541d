package io.chainsig.derivation.address;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A 20-byte EVM account address: the last 20 bytes of {@code keccak256(X || Y)}. Printed with the
 * EIP-55 mixed-case checksum.
 */
public final class EvmAddress {
  private final byte[] bytes;

  private EvmAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The address controlled by a secp256k1 public key. */
  public static EvmAddress of(Secp256k1PublicKey key) {
    byte[] hash = Hashes.keccak256(key.point().toXy());
    return new EvmAddress(Arrays.copyOfRange(hash, 12, 32));
  }

  /** Wraps 20 raw bytes. */
  public static EvmAddress fromBytes(byte[] bytes) {
    if (bytes.length != 20) {
      throw new InvalidAddressException("EVM address must be 20 bytes, got " + bytes.length);
    }
    return new EvmAddress(bytes.clone());
  }

  /**
   * Parses {@code 0x} + 40 hex digits. All-lower and all-upper are accepted as unchecksummed; mixed
   * case must carry a correct EIP-55 checksum.
   *
   * @throws InvalidAddressException if the text is malformed or the checksum is wrong
   */
  public static EvmAddress parse(String text) {
    if (!text.startsWith("0x") || text.length() != 42) {
      throw new InvalidAddressException("EVM address must be 0x followed by 40 hex digits");
    }
    EvmAddress address;
    try {
      address = new EvmAddress(Hex.decode(text.substring(2)));
    } catch (InvalidEncodingException e) {
      throw new InvalidAddressException("EVM address is not hex: " + e.getMessage());
    }
    String digits = text.substring(2);
    boolean mixed =
        !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixed && !address.toChecksumString().equals(text)) {
      throw new InvalidAddressException("EVM address has a wrong EIP-55 checksum: " + text);
    }
    return address;
  }

  /** The 20 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** EIP-55: hex digit i is upper case if nibble i of keccak256(lower-case hex) is 8 or more. */
  public String toChecksumString() {
    String lower = Hex.encode(bytes);
    byte[] hash = Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvmAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumString();
  }
}
