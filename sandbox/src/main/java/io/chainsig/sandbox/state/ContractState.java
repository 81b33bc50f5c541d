package io.chainsig.sandbox.state;

import io.chainsig.contract.ContractStateCodec;
import io.chainsig.contract.SignerContract;
import java.util.Arrays;
import java.util.Base64;

/**
 * The signer contract's state as an immutable value, equal by its {@link ContractStateCodec}
 * bytes. It holds the bytes, the decoded contract, or both, and computes the missing one on first
 * use: a state made by a call ({@link #of(SignerContract)}) is encoded only when its bytes are
 * needed (the chain stores them at the next block), so calls between two blocks do not encode the
 * whole state each; a state read from the store is decoded once. The contract object held here is
 * never changed: {@link #decode()} hands out copies to change.
 *
 * <p>An account keeps the same instance while only its balance or keys change, so {@link
 * ContractViews} can tell by identity that a cached view still matches it.
 */
public final class ContractState {
  /** The encoding; null until needed if made from a contract. */
  private volatile byte[] bytes;
  /** The decoded contract, never changed; null until needed if made from bytes. */
  private volatile SignerContract contract;

  private ContractState(byte[] bytes, SignerContract contract) {
    this.bytes = bytes;
    this.contract = contract;
  }

  /** A state holding a copy of these bytes. */
  public static ContractState of(byte[] bytes) {
    return new ContractState(bytes.clone(), null);
  }

  /**
   * The state of {@code contract}, which this state owns from now on: the caller must not change
   * it again (change a {@link #decode()} copy instead). Encoded when first needed.
   */
  public static ContractState of(SignerContract contract) {
    return new ContractState(null, contract);
  }

  /**
   * The encoding of a contract, made now; the object is not kept, so the next {@link #decode()}
   * reads the bytes (what the state is after a store and a restart).
   */
  public static ContractState encode(SignerContract contract) {
    return new ContractState(ContractStateCodec.encode(contract), null);
  }

  /** A fresh contract object of this state, for the caller to change. */
  public SignerContract decode() {
    return readOnly().copy();
  }

  /**
   * The contract object of this state, shared by all its readers: for views only, never to be
   * changed.
   */
  public SignerContract readOnly() {
    SignerContract c = contract;
    if (c == null) {
      c = ContractStateCodec.decode(bytes);
      contract = c;
    }
    return c;
  }

  private byte[] encoded() {
    byte[] b = bytes;
    if (b == null) {
      b = ContractStateCodec.encode(contract);
      bytes = b;
    }
    return b;
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return encoded().clone();
  }

  /** The bytes in base64 (how the chain store keeps them). */
  public String base64() {
    return Base64.getEncoder().encodeToString(encoded());
  }

  /** The number of bytes. */
  public int size() {
    return encoded().length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractState other && Arrays.equals(encoded(), other.encoded());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded());
  }

  @Override
  public String toString() {
    byte[] b = bytes;
    return b == null ? "ContractState[not encoded yet]" : "ContractState[" + b.length + " bytes]";
  }
}
