package io.chainsig.derivation;

/**
 * A NEAR account id, validated by NEAR's rules (nomicon "Account ID", crate near-account-id): 2 to
 * 64 characters; lower-case letters, digits and the separators {@code . - _}; a separator never
 * starts or ends the id and never follows another separator.
 *
 * @param value the account id text
 */
public record NearAccountId(String value) {
  /** Shortest valid account id. */
  public static final int MIN_LENGTH = 2;

  /** Longest valid account id. */
  public static final int MAX_LENGTH = 64;

  /**
   * Validates the id.
   *
   * @throws InvalidAccountIdException naming the rule broken and where
   */
  public NearAccountId {
    if (value == null) {
      throw new InvalidAccountIdException("account id is missing");
    }
    validate(value);
  }

  /** Parses and validates an account id. */
  public static NearAccountId of(String value) {
    return new NearAccountId(value);
  }

  private static void validate(String id) {
    if (id.length() < MIN_LENGTH) {
      throw new InvalidAccountIdException(
          "invalid account id '" + id + "': too short, must be at least " + MIN_LENGTH + " characters");
    }
    if (id.length() > MAX_LENGTH) {
      throw new InvalidAccountIdException(
          "invalid account id: too long (" + id.length() + " characters), must be at most "
              + MAX_LENGTH + " characters");
    }
    boolean lastWasSeparator = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean separator;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        separator = false;
      } else if (c == '-' || c == '_' || c == '.') {
        separator = true;
      } else {
        throw new InvalidAccountIdException(
            "invalid account id '" + id + "': character '" + c + "' at index " + i
                + " is not allowed (only lower-case letters, digits and . - _)");
      }
      if (separator && lastWasSeparator) {
        throw new InvalidAccountIdException(
            "invalid account id '" + id + "': separator '" + c + "' at index " + i
                + (i == 0 ? " starts the id" : " follows another separator"));
      }
      lastWasSeparator = separator;
    }
    if (lastWasSeparator) {
      throw new InvalidAccountIdException(
          "invalid account id '" + id + "': separator '" + id.charAt(id.length() - 1)
              + "' at index " + (id.length() - 1) + " ends the id");
    }
  }

  /** True for a NEAR implicit account (64 lower-case hex digits, the hex of an ed25519 key). */
  public boolean isNearImplicit() {
    return value.length() == 64 && value.chars().allMatch(NearAccountId::isLowerHex);
  }

  /** True for an Ethereum-style implicit account ({@code 0x} and 40 lower-case hex digits). */
  public boolean isEthImplicit() {
    return value.length() == 42
        && value.startsWith("0x")
        && value.substring(2).chars().allMatch(NearAccountId::isLowerHex);
  }

  /** True for a top-level account (no dot). */
  public boolean isTopLevel() {
    return value.indexOf('.') < 0;
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  @Override
  public String toString() {
    return value;
  }
}
