package io.chainsig.near.tx;

/**
 * An access key's nonce and permission.
 *
 * @param nonce the highest nonce used with this key (a transaction needs a larger one)
 * @param permission what the key may do
 */
public record AccessKey(long nonce, AccessKeyPermission permission) {
  /** Validates the permission. */
  public AccessKey {
    if (permission == null) {
      throw new IllegalArgumentException("permission is required");
    }
  }

  /** The same key with a new nonce. */
  public AccessKey withNonce(long newNonce) {
    return new AccessKey(newNonce, permission);
  }
}
