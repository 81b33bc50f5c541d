package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.tss.ProtocolSetupException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * What to sign: the 32-byte message hash, the key-derivation tweak eps (the child key is {@code X
 * + eps*G}) and fresh public entropy for re-randomization that did not exist when the
 * presignature was made (e.g. the request's block random value). All signers must use the same
 * request; the sign round checks that they do.
 */
public final class SignRequest {
  private final byte[] messageHash;
  private final Secp256k1Scalar tweak;
  private final byte[] entropy;

  private SignRequest(byte[] messageHash, Secp256k1Scalar tweak, byte[] entropy) {
    this.messageHash = messageHash;
    this.tweak = tweak;
    this.entropy = entropy;
  }

  /**
   * A request.
   *
   * @param messageHash 32 bytes, read big-endian and reduced mod n as ECDSA does; zero is refused
   * @param tweak eps (zero for the root key itself)
   * @param entropy 32 bytes of fresh public entropy
   * @throws ProtocolSetupException on a wrong length or a hash that is zero mod n
   */
  public static SignRequest of(byte[] messageHash, Secp256k1Scalar tweak, byte[] entropy) {
    if (messageHash == null || messageHash.length != 32) {
      throw new ProtocolSetupException("message hash must be 32 bytes");
    }
    if (entropy == null || entropy.length != 32) {
      throw new ProtocolSetupException("re-randomization entropy must be 32 bytes");
    }
    if (tweak == null) {
      throw new ProtocolSetupException("tweak is missing (use zero for the root key)");
    }
    if (Secp256k1Scalar.reduceBytes(messageHash).isZero()) {
      throw new ProtocolSetupException("message hash is zero mod n");
    }
    return new SignRequest(messageHash.clone(), tweak, entropy.clone());
  }

  /** The 32-byte message hash. */
  public byte[] messageHash() {
    return messageHash.clone();
  }

  /** The hash as the scalar h = int(hash) mod n. */
  public Secp256k1Scalar h() {
    return Secp256k1Scalar.reduce(new BigInteger(1, messageHash));
  }

  /** The tweak eps. */
  public Secp256k1Scalar tweak() {
    return tweak;
  }

  /** The re-randomization entropy. */
  public byte[] entropy() {
    return entropy.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignRequest r
        && Arrays.equals(messageHash, r.messageHash)
        && tweak.equals(r.tweak)
        && Arrays.equals(entropy, r.entropy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(messageHash);
  }

  @Override
  public String toString() {
    return "SignRequest[hash=" + Hex.encode(messageHash) + ", tweak=" + tweak.toHex()
        + ", entropy=" + Hex.encode(entropy) + "]";
  }
}
