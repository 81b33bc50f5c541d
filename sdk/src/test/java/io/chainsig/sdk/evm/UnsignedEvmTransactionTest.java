package io.chainsig.sdk.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.derivation.address.EvmAddress;
import io.chainsig.sdk.InvalidSignatureException;
import io.chainsig.sdk.signer.SignatureVerifier;
import io.chainsig.sdk.signer.VerifiedSignature;
import io.chainsig.sdk.testing.LocalDerivedKeySigner;
import io.chainsig.sdk.testing.TestKeys;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Signing hashes and encodings against the published EIP-155 example. */
class UnsignedEvmTransactionTest {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final UnsignedEvmTransaction EIP155_EXAMPLE = new UnsignedEvmTransaction(
      EvmTransactionType.LEGACY, 1, BigInteger.valueOf(9),
      EvmAddress.parse("0x3535353535353535353535353535353535353535"), ETHER, BigInteger.valueOf(21000),
      BigInteger.valueOf(20_000_000_000L), BigInteger.ZERO, BigInteger.ZERO);
  private static final Secp256k1Scalar EIP155_KEY = Secp256k1Scalar.fromBytes(
      Hex.decode("4646464646464646464646464646464646464646464646464646464646464646"));

  @Test
  void theLegacySigningHashIsTheEip155Example() {
    assertThat(Hex.encode(EIP155_EXAMPLE.signingHash()))
        .isEqualTo("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  }

  @Test
  void attachingTheSignatureGivesTheEip155ExampleTransaction() {
    Secp256k1PublicKey key = new Secp256k1PublicKey(EIP155_KEY.timesGenerator());
    byte[] hash = EIP155_EXAMPLE.signingHash();
    VerifiedSignature sig = SignatureVerifier.verify(hash, LocalDerivedKeySigner.forSecret(EIP155_KEY).sign(hash), key);
    SignedEvmTransaction signed = SignedEvmTransaction.attach(EIP155_EXAMPLE, sig, EvmAddress.of(key));
    assertThat(Hex.encode(signed.encoded())).isEqualTo(
        "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
            + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
    assertThat(signed.sender()).isEqualTo(EvmAddress.parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
  }

  @Test
  void aSignatureForAnotherTransactionOrSenderIsNotAttached() {
    Secp256k1PublicKey key = new Secp256k1PublicKey(EIP155_KEY.timesGenerator());
    byte[] hash = EIP155_EXAMPLE.signingHash();
    VerifiedSignature sig = SignatureVerifier.verify(hash, LocalDerivedKeySigner.forSecret(EIP155_KEY).sign(hash), key);
    UnsignedEvmTransaction other = new UnsignedEvmTransaction(EvmTransactionType.LEGACY, 1, BigInteger.TEN,
        EIP155_EXAMPLE.to(), ETHER, BigInteger.valueOf(21000), BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO);
    assertThatThrownBy(() -> SignedEvmTransaction.attach(other, sig, EvmAddress.of(key)))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("another payload");
    assertThatThrownBy(() -> SignedEvmTransaction.attach(EIP155_EXAMPLE, sig, EvmAddress.of(TestKeys.derivedKey("x"))))
        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("is not the derived address");
  }

  @Test
  void feesMustMatchTheType() {
    assertThatThrownBy(() -> new UnsignedEvmTransaction(EvmTransactionType.EIP1559, 1, BigInteger.ZERO,
        EIP155_EXAMPLE.to(), ETHER, BigInteger.valueOf(21000), BigInteger.ONE, BigInteger.ONE, BigInteger.TWO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnsignedEvmTransaction(EvmTransactionType.EIP1559, 1, BigInteger.ZERO,
        EIP155_EXAMPLE.to(), ETHER, BigInteger.valueOf(21000), BigInteger.ZERO, BigInteger.TEN, BigInteger.TWO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority");
    assertThat(new UnsignedEvmTransaction(EvmTransactionType.EIP1559, 1, BigInteger.ZERO, EIP155_EXAMPLE.to(),
        ETHER, BigInteger.valueOf(21000), BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN).maxCostWei())
        .isEqualTo(ETHER.add(BigInteger.valueOf(210000)));
  }
}
