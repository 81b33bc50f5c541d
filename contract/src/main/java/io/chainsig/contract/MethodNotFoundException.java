package io.chainsig.contract;

/** The contract has no method of that name (NEAR: {@code MethodResolveError::MethodNotFound}). */
public final class MethodNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For the named method. */
  public MethodNotFoundException(String method) {
    super("contract method '" + method + "' not found");
  }
}
