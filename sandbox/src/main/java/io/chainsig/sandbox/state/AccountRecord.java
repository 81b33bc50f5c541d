package io.chainsig.sandbox.state;

import io.chainsig.near.tx.AccessKey;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account: balance, access keys and, for the signer contract's account, the contract state.
 *
 * @param amount balance in yoctoNEAR
 * @param keys access keys by NEAR key string
 * @param contractState the signer contract's encoded state, or null without a contract
 */
public record AccountRecord(BigInteger amount, Map<String, AccessKey> keys, ContractState contractState) {
  /** Validates and copies the keys. */
  public AccountRecord {
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("balance must not be negative");
    }
    keys = java.util.Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /** An empty account. */
  public static AccountRecord empty() {
    return new AccountRecord(BigInteger.ZERO, Map.of(), null);
  }

  /** True if the signer contract lives here. */
  public boolean hasContract() {
    return contractState != null;
  }

  /** With another balance. */
  public AccountRecord withAmount(BigInteger newAmount) {
    return new AccountRecord(newAmount, keys, contractState);
  }

  /** With a key added or replaced (or removed when {@code key} is null). */
  public AccountRecord withKey(String publicKey, AccessKey key) {
    Map<String, AccessKey> m = new TreeMap<>(keys);
    if (key == null) {
      m.remove(publicKey);
    } else {
      m.put(publicKey, key);
    }
    return new AccountRecord(amount, m, contractState);
  }

  /** With new contract state. */
  public AccountRecord withContractState(ContractState state) {
    return new AccountRecord(amount, keys, state);
  }

  /** A rough storage usage in bytes, shown in {@code view_account}. */
  public long storageUsage() {
    return 100L + 82L * keys.size() + (contractState == null ? 0 : contractState.size());
  }
}
