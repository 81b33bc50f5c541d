package io.chainsig.near.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainsig.crypto.Hashes;
import io.chainsig.near.borsh.BorshException;
import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.ValidatorKey;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCodecTest {
  private final ValidatorKey key = ChainFixture.key("alice.near", "a");

  private Transaction everyAction() {
    return new Transaction("alice.near", key.publicKey(), 7, "bob.near", new byte[32], List.of(
        new Action.CreateAccount(),
        new Action.DeployContract(new byte[] {1, 2, 3}),
        new Action.FunctionCall("sign", "{}".getBytes(), 30_000_000_000_000L, BigInteger.ONE),
        new Action.Transfer(BigInteger.TEN.pow(30)),
        new Action.Stake(BigInteger.ONE, key.publicKey()),
        new Action.AddKey(key.publicKey(), new AccessKey(0, new AccessKeyPermission.FunctionCall(
            BigInteger.valueOf(5), "signer.near", List.of("sign", "x")))),
        new Action.AddKey(key.publicKey(), new AccessKey(0, new AccessKeyPermission.FunctionCall(
            null, "signer.near", List.of()))),
        new Action.AddKey(key.publicKey(), new AccessKey(3, new AccessKeyPermission.FullAccess())),
        new Action.DeleteKey(key.publicKey()),
        new Action.DeleteAccount("carol.near")));
  }

  @Test
  void roundTripsEveryAction() {
    Transaction tx = everyAction();
    byte[] sig = key.sign(Hashes.sha256(TransactionCodec.encode(tx)));
    byte[] wire = TransactionCodec.encodeSigned(tx, sig);
    SignedTransaction back = TransactionCodec.decodeSigned(wire);
    assertThat(back.encoded()).isEqualTo(wire);
    assertThat(TransactionCodec.encode(back.transaction())).isEqualTo(TransactionCodec.encode(tx));
    assertThat(back.hash()).isEqualTo(Hashes.sha256(TransactionCodec.encode(tx)));
    assertThat(Ed25519Signatures.verify(TransactionCodec.keyData(key.publicKey()), back.hash(), back.signature())).isTrue();
    assertThat(back.transaction().actions()).hasSize(10);
  }

  @Test
  void knownLayoutOfASmallTransfer() {
    // signer "a.near", ed25519 zero key, nonce 1, receiver "b.near", zero block hash, Transfer 1 yocto
    Transaction tx = new Transaction("a.near", "ed25519:11111111111111111111111111111111", 1, "b.near",
        new byte[32], List.of(new Action.Transfer(BigInteger.ONE)));
    byte[] b = TransactionCodec.encode(tx);
    assertThat(b).hasSize(4 + 6 + 1 + 32 + 8 + 4 + 6 + 32 + 4 + 1 + 16);
    assertThat(Arrays.copyOfRange(b, 0, 4)).containsExactly(6, 0, 0, 0);
    assertThat(b[10]).isEqualTo((byte) 0); // ed25519 key type
    assertThat(b[43]).isEqualTo((byte) 1); // nonce, little endian
    assertThat(b[b.length - 17]).isEqualTo((byte) 3); // Transfer tag
    assertThat(b[b.length - 16]).isEqualTo((byte) 1);
  }

  @Test
  void badBorshIsRefusedWithAReason() {
    Transaction tx = everyAction();
    byte[] wire = TransactionCodec.encodeSigned(tx, new byte[64]);
    assertThatThrownBy(() -> TransactionCodec.decodeSigned(Arrays.copyOf(wire, wire.length - 1)))
        .isInstanceOf(BorshException.class).hasMessageContaining("unexpected end");
    byte[] longer = Arrays.copyOf(wire, wire.length + 1);
    assertThatThrownBy(() -> TransactionCodec.decodeSigned(longer)).hasMessageContaining("trailing");
    assertThatThrownBy(() -> TransactionCodec.decodeSigned("not a transaction".getBytes()))
        .isInstanceOf(BorshException.class);
    assertThatThrownBy(() -> TransactionCodec.decodeSigned(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}))
        .hasMessageContaining("exceeds the input");
    byte[] badTag = wire.clone();
    // the first action tag follows signer(4+10) key(33) nonce(8) receiver(4+8) hash(32) count(4)
    int firstTag = 14 + 33 + 8 + 12 + 32 + 4;
    badTag[firstTag] = 42;
    assertThatThrownBy(() -> TransactionCodec.decodeSigned(badTag)).hasMessageContaining("action tag 42");
  }
}
