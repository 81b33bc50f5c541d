package io.chainsig.derivation.address;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58Check;
import io.chainsig.derivation.Secp256k1PublicKey;

/** A legacy Bitcoin pay-to-public-key-hash address: base58check(version || HASH160(compressed key)). */
public final class P2pkhAddress {
  private P2pkhAddress() {}

  /** The P2PKH address of a key (compressed form, as every modern wallet uses). */
  public static String of(BitcoinNetwork network, Secp256k1PublicKey key) {
    byte[] hash = Hashes.hash160(key.point().toCompressed());
    byte[] payload = new byte[21];
    payload[0] = (byte) network.p2pkhVersion();
    System.arraycopy(hash, 0, payload, 1, 20);
    return Base58Check.encode(payload);
  }
}
