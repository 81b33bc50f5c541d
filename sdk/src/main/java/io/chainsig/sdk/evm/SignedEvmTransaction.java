package io.chainsig.sdk.evm;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.signer.VerifiedSignature;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;

/**
 * A signed transaction whose sender, recovered from the encoded bytes by web3j, is the derived
 * address. Created only through {@link #attach}, which refuses anything else.
 *
 * @param encoded the bytes to broadcast ({@code eth_sendRawTransaction})
 * @param sender the recovered sender (the derived address)
 */
public record SignedEvmTransaction(byte[] encoded, EvmAddress sender) {
  /** Copies the bytes. */
  public SignedEvmTransaction {
    if (encoded == null || encoded.length == 0 || sender == null) {
      throw new IllegalArgumentException("encoded transaction and sender are required");
    }
    encoded = encoded.clone();
  }

  /**
   * Attaches a verified signature (v = recovery id + 35 + 2 * chain id for legacy, yParity =
   * recovery id for EIP-1559), decodes the result again and checks the recovered sender.
   *
   * @throws InvalidSignatureException if the signature is for another payload, has a recovery id
   *     Ethereum cannot carry, or the recovered sender is not {@code expectedSender}
   */
  public static SignedEvmTransaction attach(
      UnsignedEvmTransaction unsigned, VerifiedSignature signature, EvmAddress expectedSender) {
    if (!Arrays.equals(signature.payload(), unsigned.signingHash())) {
      throw new InvalidSignatureException("the signature is for another payload than this transaction");
    }
    if (signature.recoveryId() > 1) {
      throw new InvalidSignatureException("recovery id " + signature.recoveryId() + " cannot be carried by Ethereum");
    }
    BigInteger v = unsigned.type() == EvmTransactionType.LEGACY
        ? BigInteger.valueOf(signature.recoveryId() + 35L + 2L * unsigned.chainId())
        : BigInteger.valueOf(Sign.LOWER_REAL_V + signature.recoveryId());
    Sign.SignatureData data = new Sign.SignatureData(v.toByteArray(), signature.r32(), signature.s32());
    RawTransaction raw = unsigned.toRawTransaction();
    byte[] encoded = TransactionEncoder.encode(raw, data);

    EvmAddress recovered = recoverSender(encoded);
    if (!recovered.equals(expectedSender)) {
      throw new InvalidSignatureException(
          "the recovered sender " + recovered + " is not the derived address " + expectedSender);
    }
    return new SignedEvmTransaction(encoded, recovered);
  }

  private static EvmAddress recoverSender(byte[] encoded) {
    try {
      RawTransaction decoded = TransactionDecoder.decode(Hex.encode(encoded));
      if (!(decoded instanceof SignedRawTransaction signed)) {
        throw new InvalidSignatureException("the encoded transaction carries no signature");
      }
      return EvmAddress.parse(signed.getFrom());
    } catch (SignatureException | RuntimeException e) {
      if (e instanceof InvalidSignatureException ise) {
        throw ise;
      }
      throw new InvalidSignatureException("cannot recover the sender: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /** {@code 0x}-prefixed hex of the encoded bytes. */
  public String toHex() {
    return "0x" + Hex.encode(encoded);
  }

  /** The transaction hash: keccak256 of the encoded bytes, {@code 0x}-prefixed. */
  public String hash() {
    return "0x" + Hex.encode(Hashes.keccak256(encoded));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedEvmTransaction t && Arrays.equals(encoded, t.encoded) && sender.equals(t.sender);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SignedEvmTransaction[" + hash() + " from " + sender + "]";
  }
}
