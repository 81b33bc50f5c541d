package io.chainsig.tss;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.tss.ecdsa.EcdsaSignature;
import java.math.BigInteger;
import java.security.SignatureException;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign.SignatureData;

/**
 * Checks signatures with web3j, a library that shares no code with chainsig: ecrecover must give
 * back exactly the expected (derived) public key.
 */
public final class IndependentVerifier {
  private IndependentVerifier() {}

  /** Asserts that web3j recovers exactly {@code expectedKey} from the signature and hash. */
  public static void assertRecovers(EcdsaSignature sig, byte[] hash32, Secp256k1Point expectedKey) {
    BigInteger r = sig.r().value();
    BigInteger s = sig.s().value();
    assertThat(s).as("low s").isLessThanOrEqualTo(io.chainsig.crypto.Secp256k1.HALF_N);
    BigInteger expected = new BigInteger(1, expectedKey.toXy());
    BigInteger recovered =
        org.web3j.crypto.Sign.recoverFromSignature(sig.recoveryId(), new ECDSASignature(r, s), hash32);
    assertThat(recovered).as("web3j recoverFromSignature").isEqualTo(expected);
    if (sig.recoveryId() < 2) {
      SignatureData data =
          new SignatureData(
              (byte) (27 + sig.recoveryId()), sig.r().toBytes(), sig.s().toBytes());
      try {
        assertThat(org.web3j.crypto.Sign.signedMessageHashToKey(hash32, data))
            .as("web3j signedMessageHashToKey")
            .isEqualTo(expected);
      } catch (SignatureException e) {
        throw new AssertionError(e);
      }
    }
  }
}
