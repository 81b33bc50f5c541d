package io.chainsig.derivation;

/**
 * The root public keys of NEAR's production signer contracts ({@code v1.signer} on mainnet, {@code
 * v1.signer-prod.testnet} on testnet), so that keys and addresses can be derived offline.
 */
public final class ProductionRoots {
  /** secp256k1 root of {@code v1.signer} (mainnet). */
  public static final String MAINNET_SECP256K1 =
      "secp256k1:3tFRbMqmoa6AAALMrEFAYCEoHcqKxeW38YptwowBVBtXK1vo36HDbUWuR6EZmoK4JcH6HDkNMGGqP1ouV7VZUWya";

  /** ed25519 root of {@code v1.signer} (mainnet). */
  public static final String MAINNET_ED25519 = "ed25519:G9hwngxWNKdmqMCmU1Yt6LPhFpayJeKFxyAV1HqMNLtF";

  /** secp256k1 root of {@code v1.signer-prod.testnet}. */
  public static final String TESTNET_SECP256K1 =
      "secp256k1:4NfTiv3UsGahebgTaHyD9vF8KYKMBnfd6kh94mK6xv8fGBiJB8TBtFMP5WWXz6B89Ac1fbpzPwAvoyQebemHFwx3";

  /** ed25519 root of {@code v1.signer-prod.testnet}. */
  public static final String TESTNET_ED25519 = "ed25519:6vSEtQxrQj6txUMh33WC4ERyCWmNMRTdufDWAaDY3Un2";

  private ProductionRoots() {}

  /**
   * Resolves a root argument: one of the aliases {@code mainnet}, {@code testnet}, {@code
   * mainnet-ed25519}, {@code testnet-ed25519}, or any key string {@link NearPublicKey#parse}
   * accepts.
   */
  public static NearPublicKey resolve(String rootOrAlias) {
    return NearPublicKey.parse(
        switch (rootOrAlias == null ? "" : rootOrAlias.strip()) {
          case "mainnet" -> MAINNET_SECP256K1;
          case "testnet" -> TESTNET_SECP256K1;
          case "mainnet-ed25519" -> MAINNET_ED25519;
          case "testnet-ed25519" -> TESTNET_ED25519;
          default -> rootOrAlias;
        });
  }
}
