package io.chainsig.derivation.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.derivation.NearPublicKey;
import io.chainsig.derivation.Secp256k1PublicKey;
import org.junit.jupiter.api.Test;

/**
 * Addresses of known keys. The secp256k1 key is the generator G (private key 1), whose addresses
 * are well known: Ethereum 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf, Bitcoin P2PKH
 * 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH and P2WPKH bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.
 */
class ChainAddressTest {
  private static final NearPublicKey G =
      NearPublicKey.parse("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

  @Test
  void generatorAddresses() {
    assertThat(Chain.EVM.addressOf(G)).isEqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    assertThat(Chain.BITCOIN.addressOf(G)).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    assertThat(Chain.BITCOIN_TESTNET.addressOf(G)).isEqualTo("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    assertThat(Chain.BITCOIN_REGTEST.addressOf(G)).startsWith("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7k");
    assertThat(P2pkhAddress.of(BitcoinNetwork.MAINNET, (Secp256k1PublicKey) G))
        .isEqualTo("1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH");
    assertThat(P2pkhAddress.of(BitcoinNetwork.TESTNET, (Secp256k1PublicKey) G))
        .isEqualTo("mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r");
  }

  @Test
  void ed25519Addresses() {
    // RFC 8032 test 1 public key.
    NearPublicKey k = NearPublicKey.parse("ed25519:" + io.chainsig.crypto.encoding.Base58.encode(
        io.chainsig.crypto.encoding.Hex.decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")));
    assertThat(Chain.NEAR.addressOf(k))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(Chain.SOLANA.addressOf(k)).isEqualTo(k.toNearString().substring("ed25519:".length()));
  }

  @Test
  void wrongCurveForChainIsRefused() {
    assertThatThrownBy(() -> Chain.SOLANA.addressOf(G))
        .hasMessageContaining("chain solana needs an ed25519 key, but the key is secp256k1");
  }
}
