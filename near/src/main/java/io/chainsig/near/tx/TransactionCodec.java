package io.chainsig.near.tx;

import io.chainsig.crypto.encoding.Base58;
import io.chainsig.crypto.encoding.InvalidEncodingException;
import io.chainsig.near.borsh.BorshException;
import io.chainsig.near.borsh.BorshReader;
import io.chainsig.near.borsh.BorshWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Borsh encoding and decoding of NEAR transactions (nearcore's layout, version 0). */
public final class TransactionCodec {
  private TransactionCodec() {}

  /**
   * Decodes a {@code SignedTransaction}.
   *
   * @throws BorshException if the bytes are not one (with what was being read)
   */
  public static SignedTransaction decodeSigned(byte[] bytes) {
    BorshReader r = new BorshReader(bytes);
    Transaction tx = readTransaction(r);
    int end = r.position();
    int sigType = r.u8("signature type");
    byte[] sig = switch (sigType) {
      case 0 -> r.fixed(64, "ed25519 signature");
      case 1 -> r.fixed(65, "secp256k1 signature");
      default -> throw new BorshException("unknown signature type " + sigType);
    };
    r.requireEnd("signed transaction");
    byte[] txBytes = java.util.Arrays.copyOf(bytes, end);
    return new SignedTransaction(tx, sigType, sig, txBytes);
  }

  private static Transaction readTransaction(BorshReader r) {
    String signer = r.string("signer_id");
    String pk = readPublicKey(r, "public_key");
    long nonce = r.u64("nonce");
    String receiver = r.string("receiver_id");
    byte[] blockHash = r.fixed(32, "block_hash");
    int n = r.count("actions");
    List<Action> actions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      actions.add(readAction(r));
    }
    return new Transaction(signer, pk, nonce, receiver, blockHash, actions);
  }

  private static String readPublicKey(BorshReader r, String what) {
    int type = r.u8(what + " key type");
    return switch (type) {
      case 0 -> "ed25519:" + Base58.encode(r.fixed(32, what));
      case 1 -> "secp256k1:" + Base58.encode(r.fixed(64, what));
      default -> throw new BorshException("unknown key type " + type + " in " + what);
    };
  }

  private static Action readAction(BorshReader r) {
    int tag = r.u8("action tag");
    return switch (tag) {
      case 0 -> new Action.CreateAccount();
      case 1 -> new Action.DeployContract(r.bytes("contract code"));
      case 2 -> new Action.FunctionCall(
          r.string("method_name"), r.bytes("args"), r.u64("gas"), r.u128("deposit"));
      case 3 -> new Action.Transfer(r.u128("deposit"));
      case 4 -> new Action.Stake(r.u128("stake"), readPublicKey(r, "stake public_key"));
      case 5 -> new Action.AddKey(readPublicKey(r, "public_key"), readAccessKey(r));
      case 6 -> new Action.DeleteKey(readPublicKey(r, "public_key"));
      case 7 -> new Action.DeleteAccount(r.string("beneficiary_id"));
      default -> throw new BorshException("action tag " + tag + " is not supported by the sandbox");
    };
  }

  private static AccessKey readAccessKey(BorshReader r) {
    long nonce = r.u64("access key nonce");
    int perm = r.u8("permission tag");
    return switch (perm) {
      case 0 -> {
        int has = r.u8("allowance option");
        if (has > 1) {
          throw new BorshException("bad option tag " + has);
        }
        BigInteger allowance = has == 1 ? r.u128("allowance") : null;
        String receiver = r.string("receiver_id");
        int n = r.count("method_names");
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          names.add(r.string("method_name"));
        }
        yield new AccessKey(nonce, new AccessKeyPermission.FunctionCall(allowance, receiver, names));
      }
      case 1 -> new AccessKey(nonce, new AccessKeyPermission.FullAccess());
      default -> throw new BorshException("unknown permission tag " + perm);
    };
  }

  /** The borsh bytes of a transaction (what is hashed and signed). */
  public static byte[] encode(Transaction tx) {
    BorshWriter w = new BorshWriter();
    w.string(tx.signerId());
    writePublicKey(w, tx.publicKey());
    w.u64(tx.nonce()).string(tx.receiverId()).fixed(tx.blockHash()).u32(tx.actions().size());
    for (Action a : tx.actions()) {
      writeAction(w, a);
    }
    return w.toByteArray();
  }

  /** The borsh bytes of a signed transaction with an ed25519 signature. */
  public static byte[] encodeSigned(Transaction tx, byte[] ed25519Signature) {
    BorshWriter w = new BorshWriter();
    w.fixed(encode(tx)).u8(0).fixed(ed25519Signature);
    return w.toByteArray();
  }

  /** The 32 (ed25519) or 64 (secp256k1) bytes and type of a NEAR key string. */
  public static byte[] keyData(String publicKey) {
    int colon = publicKey.indexOf(':');
    String type = colon < 0 ? "ed25519" : publicKey.substring(0, colon);
    int len = switch (type) {
      case "ed25519" -> 32;
      case "secp256k1" -> 64;
      default -> throw new IllegalArgumentException("unknown key type " + type);
    };
    try {
      return Base58.decode(publicKey.substring(colon + 1), len);
    } catch (InvalidEncodingException e) {
      throw new IllegalArgumentException("invalid public key " + publicKey);
    }
  }

  private static void writePublicKey(BorshWriter w, String publicKey) {
    w.u8(publicKey.startsWith("secp256k1:") ? 1 : 0).fixed(keyData(publicKey));
  }

  private static void writeAction(BorshWriter w, Action a) {
    switch (a) {
      case Action.CreateAccount c -> w.u8(0);
      case Action.DeployContract d -> w.u8(1).bytes(d.code());
      case Action.FunctionCall f ->
          w.u8(2).string(f.methodName()).bytes(f.args()).u64(f.gas()).u128(f.deposit());
      case Action.Transfer t -> w.u8(3).u128(t.deposit());
      case Action.Stake s -> {
        w.u8(4).u128(s.stake());
        writePublicKey(w, s.publicKey());
      }
      case Action.AddKey k -> {
        w.u8(5);
        writePublicKey(w, k.publicKey());
        w.u64(k.accessKey().nonce());
        switch (k.accessKey().permission()) {
          case AccessKeyPermission.FullAccess f -> w.u8(1);
          case AccessKeyPermission.FunctionCall f -> {
            w.u8(0);
            if (f.allowance() == null) {
              w.u8(0);
            } else {
              w.u8(1).u128(f.allowance());
            }
            w.string(f.receiverId()).u32(f.methodNames().size());
            f.methodNames().forEach(w::string);
          }
        }
      }
      case Action.DeleteKey k -> {
        w.u8(6);
        writePublicKey(w, k.publicKey());
      }
      case Action.DeleteAccount d -> w.u8(7).string(d.beneficiaryId());
    }
  }
}
