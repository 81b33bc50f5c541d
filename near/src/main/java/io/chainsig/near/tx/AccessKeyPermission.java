package io.chainsig.near.tx;

import java.math.BigInteger;
import java.util.List;

/** What an access key may do: everything, or call some methods of one receiver. */
public sealed interface AccessKeyPermission {
  /** A full-access key. */
  record FullAccess() implements AccessKeyPermission {}

  /**
   * A function-call key.
   *
   * @param allowance yoctoNEAR the key may still spend on fees, or null for unlimited
   * @param receiverId the only account it may call
   * @param methodNames the methods it may call; empty means any method
   */
  record FunctionCall(BigInteger allowance, String receiverId, List<String> methodNames)
      implements AccessKeyPermission {
    /** Validates and copies. */
    public FunctionCall {
      if (receiverId == null) {
        throw new IllegalArgumentException("a function-call key needs a receiver");
      }
      if (allowance != null && allowance.signum() < 0) {
        throw new IllegalArgumentException("allowance must not be negative");
      }
      methodNames = List.copyOf(methodNames);
    }

    /** The same permission with another allowance. */
    public FunctionCall withAllowance(BigInteger newAllowance) {
      return new FunctionCall(newAllowance, receiverId, methodNames);
    }
  }
}
