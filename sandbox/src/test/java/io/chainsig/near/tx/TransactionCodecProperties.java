package io.chainsig.near.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.chainsig.crypto.Hashes;
import io.chainsig.near.borsh.BorshException;
import io.chainsig.sandbox.chain.ChainFixture;
import io.chainsig.sandbox.chain.ValidatorKey;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCodecProperties {
  private static final ValidatorKey KEY = ChainFixture.key("alice.near", "a");

  @Test
  void arbitraryBytesDecodeOrFailWithABorshError() {
    qt().withExamples(2000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 300))
        .checkAssert(ints -> {
          byte[] bytes = new byte[ints.size()];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) ints.get(i);
          }
          try {
            TransactionCodec.decodeSigned(bytes);
          } catch (BorshException | IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
          }
        });
  }

  @Test
  void everyTruncationOfAValidTransactionIsRefused() {
    Transaction tx = new Transaction("alice.near", KEY.publicKey(), 9, "signer.near", new byte[32], List.of(
        new Action.FunctionCall("sign", "{\"request\":{}}".getBytes(), 30_000_000_000_000L, BigInteger.ONE)));
    byte[] wire = TransactionCodec.encodeSigned(tx, KEY.sign(Hashes.sha256(TransactionCodec.encode(tx))));
    qt().withExamples(200).forAll(integers().between(0, wire.length - 1)).checkAssert(n -> {
      byte[] cut = java.util.Arrays.copyOf(wire, n);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransactionCodec.decodeSigned(cut))
          .isInstanceOf(BorshException.class);
    });
  }
}
