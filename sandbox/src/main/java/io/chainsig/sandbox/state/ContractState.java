package io.chainsig.sandbox.state;

import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.SignerContract;
import java.util.Arrays;
import java.util.Base64;

/**
 * The signer contract's encoded state ({@link ContractStateCodec} bytes) as an immutable value,
 * equal by content. An account keeps the same instance while only its balance or keys change, so
 * {@link LiveContracts} can tell by identity that a decoded contract still matches it.
 */
public final class ContractState {
  private final byte[] bytes;

  private ContractState(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A state holding a copy of these bytes. */
  public static ContractState of(byte[] bytes) {
    return new ContractState(bytes.clone());
  }

  /** The encoding of a contract. */
  public static ContractState encode(SignerContract contract) {
    return new ContractState(ContractStateCodec.encode(contract));
  }

  /** Decodes a fresh contract object from these bytes. */
  public SignerContract decode() {
    return ContractStateCodec.decode(bytes);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes in base64 (how the chain store keeps them). */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractState other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ContractState[" + bytes.length + " bytes]";
  }
}
