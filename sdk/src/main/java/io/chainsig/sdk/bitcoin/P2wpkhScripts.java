package io.chainsig.sdk.bitcoin;

import io.chainsig.crypto.Hashes;
import io.chainsig.derivation.Secp256k1PublicKey;

/** The two scripts of a P2WPKH key: its output script and its BIP143 script code. */
public final class P2wpkhScripts {
  private P2wpkhScripts() {}

  /** {@code OP_0 PUSH20 <HASH160(compressed key)>}. */
  public static byte[] outputScript(Secp256k1PublicKey key) {
    byte[] hash = Hashes.hash160(key.point().toCompressed());
    byte[] script = new byte[22];
    script[0] = 0x00;
    script[1] = 0x14;
    System.arraycopy(hash, 0, script, 2, 20);
    return script;
  }

  /** BIP143 script code: {@code OP_DUP OP_HASH160 PUSH20 <hash> OP_EQUALVERIFY OP_CHECKSIG}. */
  public static byte[] scriptCode(Secp256k1PublicKey key) {
    byte[] hash = Hashes.hash160(key.point().toCompressed());
    byte[] script = new byte[25];
    script[0] = 0x76;
    script[1] = (byte) 0xa9;
    script[2] = 0x14;
    System.arraycopy(hash, 0, script, 3, 20);
    script[23] = (byte) 0x88;
    script[24] = (byte) 0xac;
    return script;
  }
}
