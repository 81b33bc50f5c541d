package io.chainsig.derivation.address;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Bech32;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.util.Arrays;

/**
 * A segwit output address (BIP-173, BIP-350): human-readable part, witness version 0..16 and
 * witness program of 2..40 bytes. Version 0 uses bech32 and a 20- or 32-byte program; versions 1 and
 * up use bech32m.
 */
public final class SegwitAddress {
  private final String hrp;
  private final int version;
  private final byte[] program;

  private SegwitAddress(String hrp, int version, byte[] program) {
    this.hrp = hrp;
    this.version = version;
    this.program = program;
  }

  /**
   * Creates and validates an address.
   *
   * @throws InvalidAddressException if the version or program length breaks BIP-141/173/350
   */
  public static SegwitAddress of(String hrp, int version, byte[] program) {
    check(version, program.length);
    SegwitAddress a = new SegwitAddress(hrp, version, program.clone());
    a.encode(); // rejects an hrp the bech32 format cannot carry
    return a;
  }

  /** Pay-to-witness-public-key-hash: version 0, HASH160 of the compressed key. */
  public static SegwitAddress p2wpkh(BitcoinNetwork network, Secp256k1PublicKey key) {
    return new SegwitAddress(network.bech32Hrp(), 0, Hashes.hash160(key.point().toCompressed()));
  }

  /**
   * Decodes a segwit address of any of the Bitcoin networks ({@code bc}, {@code tb}, {@code bcrt}).
   *
   * @throws InvalidAddressException naming the rule broken
   */
  public static SegwitAddress decode(String text) {
    SegwitAddress a = decodeAnyHrp(text);
    for (BitcoinNetwork n : BitcoinNetwork.values()) {
      if (n.bech32Hrp().equals(a.hrp)) {
        return a;
      }
    }
    throw new InvalidAddressException(
        "unknown human-readable part '" + a.hrp + "' (expected bc, tb or bcrt)");
  }

  /**
   * Decodes a segwit address whatever its human-readable part (e.g. another Bitcoin-derived chain).
   *
   * @throws InvalidAddressException naming the rule broken
   */
  public static SegwitAddress decodeAnyHrp(String text) {
    Bech32.Decoded d;
    try {
      d = Bech32.decode(text);
    } catch (InvalidEncodingException e) {
      throw new InvalidAddressException("invalid segwit address: " + e.getMessage());
    }
    byte[] data = d.data();
    if (data.length < 1) {
      throw new InvalidAddressException("segwit address has no witness version");
    }
    int version = data[0];
    if (version > 16) {
      throw new InvalidAddressException("segwit witness version " + version + " is above 16");
    }
    byte[] program;
    try {
      program = Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
    } catch (InvalidEncodingException e) {
      throw new InvalidAddressException("invalid segwit program: " + e.getMessage());
    }
    check(version, program.length);
    Bech32.Variant expected = version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M;
    if (d.variant() != expected) {
      throw new InvalidAddressException(
          "segwit version " + version + " must use " + expected + ", not " + d.variant());
    }
    return new SegwitAddress(d.hrp(), version, program);
  }

  /** Decodes and requires the human-readable part of the given network. */
  public static SegwitAddress decode(String text, BitcoinNetwork network) {
    SegwitAddress a = decode(text);
    if (!a.hrp.equals(network.bech32Hrp())) {
      throw new InvalidAddressException(
          "address is for hrp '" + a.hrp + "', not " + network + " ('" + network.bech32Hrp() + "')");
    }
    return a;
  }

  private static void check(int version, int programLength) {
    if (version < 0 || version > 16) {
      throw new InvalidAddressException("segwit witness version " + version + " is not in 0..16");
    }
    if (programLength < 2 || programLength > 40) {
      throw new InvalidAddressException(
          "segwit program is " + programLength + " bytes; it must be 2 to 40");
    }
    if (version == 0 && programLength != 20 && programLength != 32) {
      throw new InvalidAddressException(
          "segwit v0 program is " + programLength + " bytes; it must be 20 or 32");
    }
  }

  /** The bech32/bech32m string. */
  public String encode() {
    byte[] conv = Bech32.convertBits(program, 8, 5, true);
    byte[] data = new byte[conv.length + 1];
    data[0] = (byte) version;
    System.arraycopy(conv, 0, data, 1, conv.length);
    try {
      return Bech32.encode(hrp, data, version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M);
    } catch (InvalidEncodingException e) {
      throw new InvalidAddressException("cannot encode segwit address: " + e.getMessage());
    }
  }

  /** The output script: {@code OP_n <program>} (OP_0 = 0x00, OP_1..OP_16 = 0x51..0x60). */
  public byte[] scriptPubKey() {
    byte[] script = new byte[2 + program.length];
    script[0] = (byte) (version == 0 ? 0 : 0x50 + version);
    script[1] = (byte) program.length;
    System.arraycopy(program, 0, script, 2, program.length);
    return script;
  }

  /** The human-readable part. */
  public String hrp() {
    return hrp;
  }

  /** The witness version. */
  public int version() {
    return version;
  }

  /** The witness program. */
  public byte[] program() {
    return program.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegwitAddress a
        && hrp.equals(a.hrp)
        && version == a.version
        && Arrays.equals(program, a.program);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * hrp.hashCode() + version) + Arrays.hashCode(program);
  }

  @Override
  public String toString() {
    return encode() + " (script " + Hex.encode(scriptPubKey()) + ")";
  }
}
