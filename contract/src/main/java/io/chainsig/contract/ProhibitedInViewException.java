package io.chainsig.contract;

/** A change method was called as a view (NEAR: {@code HostError::ProhibitedInView}). */
public final class ProhibitedInViewException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The method that may not run as a view. */
  private final String method;

  /** For the named method. */
  public ProhibitedInViewException(String method) {
    super(method + " is not allowed in a view call");
    this.method = method;
  }

  /** The method's name. */
  public String method() {
    return method;
  }
}
