package io.chainsig.sdk.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.chainsig.crypto.Bytes;
import io.chainsig.crypto.encoding.Hex;
import io.chainsig.derivation.Secp256k1PublicKey;
import io.chainsig.sdk.signer.SignatureVerifier;
import io.chainsig.sdk.signer.VerifiedSignature;
import io.chainsig.sdk.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The SDK's BIP143 sighashes (bitcoinj) equal an independent implementation from the spec, which
 * itself reproduces BIP143's native P2WPKH example; and the size estimate bounds real signed sizes.
 */
class SighashProperties {
  @Test
  void theIndependentImplementationReproducesTheBip143NativeP2wpkhExample() {
    List<IndependentBip143.Input> inputs = List.of(
        new IndependentBip143.Input(Hex.decode("fff7f7881a8099afa6940d42d1e7f6362bec38171ea3edf433541db4e4ad969f"), 0, 0xffffffeeL),
        new IndependentBip143.Input(Hex.decode("ef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9b2b55d57b90ec68a"), 1, 0xffffffffL));
    List<IndependentBip143.Output> outputs = List.of(
        new IndependentBip143.Output(112340000L, Hex.decode("76a9148280b37df378db99f66f85c95a783a76ac7a6d5988ac")),
        new IndependentBip143.Output(223450000L, Hex.decode("76a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac")));
    byte[] sighash = IndependentBip143.sighashAll(1, inputs, outputs, 0x11, 1,
        Hex.decode("76a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac"), 600000000L);
    assertThat(Hex.encode(sighash)).isEqualTo("c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670");
  }

  private static UnsignedP2wpkhSpend randomSpend(long seed, Secp256k1PublicKey key) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(4);
    List<Utxo> utxos = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < n; i++) {
      byte[] txid = new byte[32];
      random.nextBytes(txid);
      long value = 10_000 + random.nextInt(100_000_000);
      utxos.add(new Utxo(Hex.encode(txid), random.nextInt(5), value, 1));
      total += value;
    }
    long fee = 1_000 + random.nextInt(5_000);
    long amount = 1 + random.nextLong(total - fee - 1);
    long change = total - amount - fee;
    byte[] destination = new byte[random.nextBoolean() ? 22 : 34];
    random.nextBytes(destination);
    destination[0] = 0;
    destination[1] = (byte) (destination.length - 2);
    return new UnsignedP2wpkhSpend(new CoinSelection(utxos, amount, fee, change), destination, key);
  }

  @Test
  void sighashesEqualTheIndependentBip143() {
    Secp256k1PublicKey key = TestKeys.derivedKey("sighash");
    qt().withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      UnsignedP2wpkhSpend spend = randomSpend(seed, key);
      List<IndependentBip143.Input> inputs = spend.selection().inputs().stream()
          .map(u -> new IndependentBip143.Input(Bytes.reversed(Hex.decode(u.txid())), u.vout(), 0xffffffffL))
          .toList();
      List<IndependentBip143.Output> outputs = new ArrayList<>();
      outputs.add(new IndependentBip143.Output(spend.selection().amountSat(), spend.destinationScript()));
      if (spend.selection().hasChange()) {
        outputs.add(new IndependentBip143.Output(spend.selection().changeSat(), spend.changeScript()));
      }
      List<byte[]> sighashes = spend.sighashes();
      for (int i = 0; i < inputs.size(); i++) {
        byte[] expected = IndependentBip143.sighashAll(2, inputs, outputs, 0, i,
            P2wpkhScripts.scriptCode(key), spend.selection().inputs().get(i).valueSat());
        assertThat(Hex.encode(sighashes.get(i))).as("input %d", i).isEqualTo(Hex.encode(expected));
      }
    });
  }

  @Test
  void theSizeEstimateIsAnUpperBoundWithinOneVbytePerInput() {
    Secp256k1PublicKey key = TestKeys.derivedKey("sighash");
    qt().withExamples(60).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      UnsignedP2wpkhSpend spend = randomSpend(seed, key);
      List<VerifiedSignature> sigs = spend.sighashes().stream()
          .map(h -> SignatureVerifier.verify(h, TestKeys.signer("sighash").sign(h), key))
          .toList();
      SignedBitcoinTransaction signed = SignedBitcoinTransaction.assemble(spend, sigs);
      int inputs = spend.selection().inputs().size();
      long estimate = spend.selection().hasChange()
          ? P2wpkhSize.vsize(inputs, spend.destinationScript().length, 22)
          : P2wpkhSize.vsize(inputs, spend.destinationScript().length);
      assertThat(signed.vsize()).isLessThanOrEqualTo(estimate).isGreaterThanOrEqualTo(estimate - inputs);
    });
  }
}
