package io.chainsig.tss.ecdsa;

import io.chainsig.crypto.Secp256k1;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.tss.ParticipantSet;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Groth–Shoup re-randomization of a presignature (sign.md step 2): {@code delta =
 * HKDF-SHA3-256(salt = SALT, ikm = entropy, info = X || eps || h || R || signers)}, read as a
 * big-endian 32-byte integer; if it is zero or not below n the next 32-byte block of the HKDF
 * output is tried. The nonce point becomes {@code delta*R}.
 */
public final class Rerandomization {
  /** The fixed HKDF salt. */
  public static final byte[] SALT =
      "chainsig/ecdsa/rerandomize-presignature/v1".getBytes(StandardCharsets.UTF_8);

  /** How many 32-byte candidates are drawn; each fails with probability below 2^-127. */
  private static final int CANDIDATES = 8;

  private Rerandomization() {}

  /** delta for the given public inputs. */
  public static Secp256k1Scalar delta(
      Secp256k1Point publicKey,
      Secp256k1Scalar tweak,
      Secp256k1Scalar h,
      Secp256k1Point bigR,
      ParticipantSet signers,
      byte[] entropy) {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.writeBytes(publicKey.toCompressed());
    info.writeBytes(tweak.toBytes());
    info.writeBytes(h.toBytes());
    info.writeBytes(bigR.toCompressed());
    info.writeBytes(signers.encode());
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA3Digest(256));
    hkdf.init(new HKDFParameters(entropy, SALT, info.toByteArray()));
    byte[] block = new byte[32];
    for (int i = 0; i < CANDIDATES; i++) {
      // The generator continues the same HKDF output stream on every call: block i is
      // bytes [32i, 32i + 32) of the output.
      hkdf.generateBytes(block, 0, 32);
      BigInteger v = new BigInteger(1, block);
      if (v.signum() != 0 && v.compareTo(Secp256k1.N) < 0) {
        return Secp256k1Scalar.of(v);
      }
    }
    throw new ArithmeticException("no usable delta in " + CANDIDATES + " HKDF blocks");
  }
}
