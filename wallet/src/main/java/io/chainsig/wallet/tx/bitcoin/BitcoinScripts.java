package io.chainsig.wallet.tx.bitcoin;

import io.chainsig.crypto.encoding.Base58Check;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.address.BitcoinNetwork;
import io.chainsig.derivation.address.SegwitAddress;
import java.util.Arrays;

/** Names the destination of an output script: an address where one exists, else what it is. */
public final class BitcoinScripts {
  private static final int OP_0 = 0x00;
  private static final int OP_1 = 0x51;
  private static final int OP_RETURN = 0x6a;
  private static final int OP_DUP = 0x76;
  private static final int OP_EQUAL = 0x87;
  private static final int OP_EQUALVERIFY = 0x88;
  private static final int OP_HASH160 = 0xa9;
  private static final int OP_CHECKSIG = 0xac;

  private BitcoinScripts() {}

  /** P2PKH, P2SH, P2WPKH, P2WSH, P2TR and other witness programs become addresses. */
  public static String destination(byte[] script, BitcoinNetwork network) {
    int n = script.length;
    if (n == 25 && u(script, 0) == OP_DUP && u(script, 1) == OP_HASH160 && u(script, 2) == 20
        && u(script, 23) == OP_EQUALVERIFY && u(script, 24) == OP_CHECKSIG) {
      return base58(network.p2pkhVersion(), Arrays.copyOfRange(script, 3, 23));
    }
    if (n == 23 && u(script, 0) == OP_HASH160 && u(script, 1) == 20 && u(script, 22) == OP_EQUAL) {
      return base58(network == BitcoinNetwork.MAINNET ? 0x05 : 0xc4, Arrays.copyOfRange(script, 2, 22));
    }
    if (n >= 4 && n <= 42 && (u(script, 0) == OP_0 || (u(script, 0) >= OP_1 && u(script, 0) <= OP_1 + 15))
        && u(script, 1) == n - 2) {
      int version = u(script, 0) == OP_0 ? 0 : u(script, 0) - OP_1 + 1;
      byte[] program = Arrays.copyOfRange(script, 2, n);
      try {
        return SegwitAddress.of(network.bech32Hrp(), version, program).encode();
      } catch (IllegalArgumentException e) {
        return "non-standard witness script " + Hex.encode(script);
      }
    }
    if ((n == 35 || n == 67) && u(script, 0) == n - 2 && u(script, n - 1) == OP_CHECKSIG) {
      return "public key " + Hex.encode(Arrays.copyOfRange(script, 1, n - 1)) + " (P2PK)";
    }
    if (n >= 1 && u(script, 0) == OP_RETURN) {
      return "an unspendable data output (OP_RETURN " + Hex.encode(Arrays.copyOfRange(script, 1, n)) + ")";
    }
    return "script " + Hex.encode(script);
  }

  /** True for {@code OP_0 <20 bytes>}, a segwit v0 key-hash program. */
  public static boolean isP2wpkh(byte[] script) {
    return script.length == 22 && u(script, 0) == OP_0 && u(script, 1) == 20;
  }

  /** True for {@code OP_HASH160 <20 bytes> OP_EQUAL}. */
  public static boolean isP2sh(byte[] script) {
    return script.length == 23 && u(script, 0) == OP_HASH160 && u(script, 1) == 20 && u(script, 22) == OP_EQUAL;
  }

  private static String base58(int version, byte[] hash) {
    byte[] payload = new byte[21];
    payload[0] = (byte) version;
    System.arraycopy(hash, 0, payload, 1, 20);
    return Base58Check.encode(payload);
  }

  private static int u(byte[] b, int i) {
    return b[i] & 0xff;
  }
}
