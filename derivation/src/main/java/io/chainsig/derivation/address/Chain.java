package io.chainsig.derivation.address;

import io.chainsig.crypto.encoding.Base58;
import io.chainsig.derivation.Ed25519PublicKey;
import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A chain a derived key can hold an address on, with the curve it needs and how to print it. */
public enum Chain {
  /** Ethereum and every EVM chain: EIP-55 address. */
  EVM("evm", Curve.SECP256K1),
  /** Bitcoin mainnet: P2WPKH ({@code bc1q...}). */
  BITCOIN("bitcoin", Curve.SECP256K1),
  /** Bitcoin testnet: P2WPKH ({@code tb1q...}). */
  BITCOIN_TESTNET("bitcoin-testnet", Curve.SECP256K1),
  /** Bitcoin regtest: P2WPKH ({@code bcrt1q...}). */
  BITCOIN_REGTEST("bitcoin-regtest", Curve.SECP256K1),
  /** NEAR implicit account: the hex of the ed25519 key. */
  NEAR("near", Curve.ED25519),
  /** Solana: base58 of the ed25519 key. */
  SOLANA("solana", Curve.ED25519);

  /** The two curves keys live on. */
  public enum Curve {
    /** secp256k1 (ECDSA). */
    SECP256K1,
    /** edwards25519 (EdDSA). */
    ED25519
  }

  private final String cliName;
  private final Curve curve;

  Chain(String cliName, Curve curve) {
    this.cliName = cliName;
    this.curve = curve;
  }

  /** The name used on the command line and in JSON. */
  public String cliName() {
    return cliName;
  }

  /** The curve of keys on this chain. */
  public Curve curve() {
    return curve;
  }

  /** The Bitcoin network of a Bitcoin chain. */
  public BitcoinNetwork bitcoinNetwork() {
    return switch (this) {
      case BITCOIN -> BitcoinNetwork.MAINNET;
      case BITCOIN_TESTNET -> BitcoinNetwork.TESTNET;
      case BITCOIN_REGTEST -> BitcoinNetwork.REGTEST;
      default -> throw new IllegalStateException(cliName + " is not a Bitcoin chain");
    };
  }

  /** True for the three Bitcoin networks. */
  public boolean isBitcoin() {
    return this == BITCOIN || this == BITCOIN_TESTNET || this == BITCOIN_REGTEST;
  }

  /**
   * Looks a chain up by its command-line name.
   *
   * @throws IllegalArgumentException naming the valid choices
   */
  public static Chain fromName(String name) {
    for (Chain c : values()) {
      if (c.cliName.equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown chain '" + name + "' (expected one of "
            + Arrays.stream(values()).map(Chain::cliName).collect(Collectors.joining(", ")) + ")");
  }

  /** The default chain for a key: EVM for secp256k1, NEAR for ed25519. */
  public static Chain defaultFor(NearPublicKey key) {
    return key instanceof Secp256k1PublicKey ? EVM : NEAR;
  }

  /**
   * The address a key has on this chain.
   *
   * @throws IllegalArgumentException if the key is on the wrong curve for this chain
   */
  public String addressOf(NearPublicKey key) {
    return switch (key) {
      case Secp256k1PublicKey k when curve == Curve.SECP256K1 ->
          this == EVM
              ? EvmAddress.of(k).toChecksumString()
              : SegwitAddress.p2wpkh(bitcoinNetwork(), k).encode();
      case Ed25519PublicKey k when curve == Curve.ED25519 ->
          this == NEAR ? NearImplicitAccount.of(k).value() : Base58.encode(k.bytes());
      default ->
          throw new IllegalArgumentException(
              "chain " + cliName + " needs " + (curve == Curve.ED25519 ? "an " : "a ") + curve.name().toLowerCase(java.util.Locale.ROOT)
                  + " key, but the key is " + key.toNearString().substring(0, key.toNearString().indexOf(':')));
    };
  }
}
