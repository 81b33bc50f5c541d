package io.chainsig.derivation.address;

/** A Bitcoin network and its address prefixes. */
public enum BitcoinNetwork {
  /** Bitcoin mainnet: bech32 hrp {@code bc}, P2PKH version 0x00. */
  MAINNET("bc", 0x00),
  /** Bitcoin testnet (and signet): bech32 hrp {@code tb}, P2PKH version 0x6f. */
  TESTNET("tb", 0x6f),
  /** Bitcoin regtest: bech32 hrp {@code bcrt}, P2PKH version 0x6f. */
  REGTEST("bcrt", 0x6f);

  private final String bech32Hrp;
  private final int p2pkhVersion;

  BitcoinNetwork(String bech32Hrp, int p2pkhVersion) {
    this.bech32Hrp = bech32Hrp;
    this.p2pkhVersion = p2pkhVersion;
  }

  /** The human-readable part of segwit addresses. */
  public String bech32Hrp() {
    return bech32Hrp;
  }

  /** The version byte of base58check P2PKH addresses. */
  public int p2pkhVersion() {
    return p2pkhVersion;
  }
}
