package io.chainsig.wallet.consent;

/** A button of a consent prompt, with its exact label. */
public enum ConsentButton {
  /** Approve a request from a personal-key prompt. */
  ACCEPT("Accept", true),
  /** Refuse. */
  REJECT("Reject", false),
  /** Approve a suspicious request (another domain's key). */
  ACCEPT_SUSPICIOUS("Accept (Are you sure!)", true);

  private final String label;
  private final boolean approves;

  ConsentButton(String label, boolean approves) {
    this.label = label;
    this.approves = approves;
  }

  /** The text on the button. */
  public String label() {
    return label;
  }

  /** True if pressing it lets the signature happen. */
  public boolean approves() {
    return approves;
  }
}
