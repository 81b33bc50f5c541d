package io.chainsig.near.tx;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;

/**
 * A transaction with its signature, plus the exact borsh bytes of the transaction (its hash is
 * {@code sha256} of those bytes and is what the key signed).
 *
 * @param transaction the transaction
 * @param signatureType 0 for ed25519, 1 for secp256k1
 * @param signature the signature bytes
 * @param transactionBytes the borsh encoding of {@code transaction}
 */
public record SignedTransaction(
    Transaction transaction, int signatureType, byte[] signature, byte[] transactionBytes) {
  /** Copies the arrays. */
  public SignedTransaction {
    signature = signature.clone();
    transactionBytes = transactionBytes.clone();
  }

  /** sha256 of the borsh transaction: the transaction hash and the signed message. */
  public byte[] hash() {
    return Hashes.sha256(transactionBytes);
  }

  /** The hash in base58, as NEAR prints it. */
  public String hashBase58() {
    return Base58.encode(hash());
  }

  /** The signature as NEAR prints it ({@code ed25519:<base58>}). */
  public String signatureText() {
    return (signatureType == 0 ? "ed25519:" : "secp256k1:") + Base58.encode(signature);
  }

  /** The whole signed transaction in borsh, as it came over the wire. */
  public byte[] encoded() {
    byte[] out = java.util.Arrays.copyOf(transactionBytes, transactionBytes.length + 1 + signature.length);
    out[transactionBytes.length] = (byte) signatureType;
    System.arraycopy(signature, 0, out, transactionBytes.length + 1, signature.length);
    return out;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] transactionBytes() {
    return transactionBytes.clone();
  }
}
