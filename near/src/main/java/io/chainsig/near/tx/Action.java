package io.chainsig.near.tx;

import java.math.BigInteger;

/**
 * The transaction actions the sandbox executes, in nearcore's borsh enum order (tags 0-7; stake
 * is decoded but refused at execution, later tags are not supported).
 */
public sealed interface Action {
  /** Tag 0: create the receiver account. */
  record CreateAccount() implements Action {}

  /**
   * Tag 1: deploy code. The sandbox hosts only its built-in signer contract: the code must be the
   * marker bytes {@code chainsig:signer-contract:v1} (see the sandbox's BuiltinContracts).
   *
   * @param code the code bytes
   */
  record DeployContract(byte[] code) implements Action {}

  /**
   * Tag 2: call a contract method.
   *
   * @param methodName the method
   * @param args the argument bytes (JSON for the signer contract)
   * @param gas prepaid gas
   * @param deposit attached yoctoNEAR
   */
  record FunctionCall(String methodName, byte[] args, long gas, BigInteger deposit)
      implements Action {}

  /**
   * Tag 3: move yoctoNEAR to the receiver.
   *
   * @param deposit the amount
   */
  record Transfer(BigInteger deposit) implements Action {}

  /**
   * Tag 4: stake (decoded only; the sandbox has no validators to stake with).
   *
   * @param stake the amount
   * @param publicKey the validator key
   */
  record Stake(BigInteger stake, String publicKey) implements Action {}

  /**
   * Tag 5: add an access key to the receiver.
   *
   * @param publicKey the key ({@code ed25519:<base58>})
   * @param accessKey nonce and permission
   */
  record AddKey(String publicKey, AccessKey accessKey) implements Action {}

  /**
   * Tag 6: delete an access key of the receiver.
   *
   * @param publicKey the key
   */
  record DeleteKey(String publicKey) implements Action {}

  /**
   * Tag 7: delete the receiver account, sending its balance to the beneficiary.
   *
   * @param beneficiaryId who receives the balance
   */
  record DeleteAccount(String beneficiaryId) implements Action {}

  /** The attached deposit (0 for actions without one). */
  default BigInteger deposit() {
    return BigInteger.ZERO;
  }
}
