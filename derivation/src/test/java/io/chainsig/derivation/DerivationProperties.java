package io.chainsig.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.chainsig.crypto.Ed25519Point;
import io.chainsig.crypto.Secp256k1Point;
import io.chainsig.crypto.Secp256k1Scalar;
import io.chainsig.crypto.encoding.Base58;
import io.chainsig.derivation.address.Chain;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Properties of key derivation over random keys, accounts and paths. */
class DerivationProperties {

  @Test
  void childSecretMatchesChildPublicKey() {
    // (x + eps)*G == X + eps*G: whoever holds x can sign for the child with x + eps.
    qt().withExamples(300)
        .forAll(Generators.scalars(), Generators.accountIds(), Generators.paths())
        .checkAssert(
            (x, account, path) -> {
              Secp256k1Scalar eps = DerivationTweak.of(account, path).secp256k1Scalar();
              Secp256k1PublicKey root = new Secp256k1PublicKey(x.timesGenerator());
              Secp256k1PublicKey child = KeyDerivation.deriveSecp256k1(root, account, path);
              assertThat(child.point()).isEqualTo(x.add(eps).timesGenerator());
            });
  }

  @Test
  void ed25519ChildSecretMatchesChildPublicKey() {
    qt().withExamples(40)
        .forAll(Generators.scalars(), Generators.accountIds(), Generators.paths())
        .checkAssert(
            (seed, account, path) -> {
              BigInteger x = seed.value().mod(Ed25519Point.L);
              BigInteger eps = DerivationTweak.of(account, path).ed25519Scalar();
              Ed25519PublicKey root = new Ed25519PublicKey(Ed25519Point.BASE.multiply(x));
              Ed25519PublicKey child = KeyDerivation.deriveEd25519(root, account, path);
              assertThat(child.point())
                  .isEqualTo(Ed25519Point.BASE.multiply(x.add(eps).mod(Ed25519Point.L)));
            });
  }

  @Test
  void derivationIsDeterministic() {
    Secp256k1PublicKey root = new Secp256k1PublicKey(Secp256k1Point.GENERATOR.multiply(Secp256k1Scalar.of(7)));
    qt().withExamples(300)
        .forAll(Generators.accountIds(), Generators.paths())
        .checkAssert(
            (account, path) -> {
              Secp256k1PublicKey a = KeyDerivation.deriveSecp256k1(root, account, path);
              Secp256k1PublicKey b =
                  KeyDerivation.deriveSecp256k1(
                      (Secp256k1PublicKey) NearPublicKey.parse(root.toNearString()),
                      NearAccountId.of(account.value()),
                      new String(path.toCharArray()));
              assertThat(a).isEqualTo(b);
              assertThat(a.toNearString()).isEqualTo(b.toNearString());
            });
  }

  @Test
  void distinctAccountPathPairsGiveDistinctKeys() {
    Secp256k1PublicKey root = new Secp256k1PublicKey(Secp256k1Point.GENERATOR.multiply(Secp256k1Scalar.of(99)));
    qt().withExamples(300)
        .forAll(Generators.accountIds(), Generators.paths(), Generators.accountIds(), Generators.paths())
        .assuming((a1, p1, a2, p2) -> !(a1.equals(a2) && p1.equals(p2)))
        .checkAssert(
            (a1, p1, a2, p2) ->
                assertThat(KeyDerivation.deriveSecp256k1(root, a1, p1))
                    .isNotEqualTo(KeyDerivation.deriveSecp256k1(root, a2, p2)));
  }

  @Test
  void accountIdsWithAForbiddenCharacterAreRejected() {
    String forbidden = "ABZ !@#$%^&*()+=[]{}|\\;:'\",<>/?`~é";
    qt().withExamples(300)
        .forAll(
            Generators.accountIds(),
            org.quicktheories.generators.SourceDSL.integers().between(0, forbidden.length() - 1),
            org.quicktheories.generators.SourceDSL.integers().between(0, 63))
        // One more character must not make the id too long: that error names no index.
        .assuming((account, which, position) -> account.value().length() < NearAccountId.MAX_LENGTH)
        .checkAssert(
            (account, which, position) -> {
              String v = account.value();
              int at = Math.min(position, v.length());
              String bad = v.substring(0, at) + forbidden.charAt(which) + v.substring(at);
              assertThatThrownBy(() -> NearAccountId.of(bad))
                  .isInstanceOf(InvalidAccountIdException.class)
                  .hasMessageContaining("at index");
            });
  }

  @Test
  void accountIdsWithDoubledOrDanglingSeparatorsAreRejected() {
    qt().withExamples(200)
        .forAll(Generators.accountIds(), org.quicktheories.generators.SourceDSL.integers().between(0, 2))
        // Room for the extra separators: a longer id would be refused as too long instead.
        .assuming((account, kind) -> account.value().length() <= NearAccountId.MAX_LENGTH - 2)
        .checkAssert(
            (account, kind) -> {
              String v = account.value();
              String bad =
                  switch (kind) {
                    case 0 -> "." + v;
                    case 1 -> v + "_";
                    default -> v.substring(0, 1) + "--" + v.substring(1);
                  };
              assertThatThrownBy(() -> NearAccountId.of(bad))
                  .isInstanceOf(InvalidAccountIdException.class)
                  .hasMessageContaining("separator");
            });
  }

  @Test
  void keyStringsOfTheWrongLengthAreRejected() {
    qt().withExamples(200)
        .forAll(
            org.quicktheories.generators.SourceDSL.integers().between(1, 100),
            org.quicktheories.generators.SourceDSL.longs().all())
        .assuming((len, seed) -> len != 64 && len != 32)
        .checkAssert(
            (len, seed) -> {
              byte[] bytes = new byte[len];
              new java.util.Random(seed).nextBytes(bytes);
              String b58 = Base58.encode(bytes);
              assertThatThrownBy(() -> NearPublicKey.parse("secp256k1:" + b58))
                  .isInstanceOf(InvalidPublicKeyException.class);
              assertThatThrownBy(() -> NearPublicKey.parse("ed25519:" + b58))
                  .isInstanceOf(InvalidPublicKeyException.class);
            });
  }

  @Test
  void randomSixtyFourBytesAreAlmostNeverACurvePointAndAreRejectedCleanly() {
    qt().withExamples(200)
        .forAll(org.quicktheories.generators.SourceDSL.longs().all())
        .checkAssert(
            seed -> {
              byte[] xy = new byte[64];
              new java.util.Random(seed).nextBytes(xy);
              try {
                NearPublicKey k = NearPublicKey.parse("secp256k1:" + Base58.encode(xy));
                // On the rare valid point, it must round-trip.
                assertThat(k.toNearString()).isEqualTo("secp256k1:" + Base58.encode(xy));
              } catch (InvalidPublicKeyException expected) {
                assertThat(expected).hasMessageContaining("invalid public key");
              }
            });
  }

  @Test
  void unknownChainNamesAreRejected() {
    qt().withExamples(100)
        .forAll(org.quicktheories.generators.SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .assuming(name -> java.util.Arrays.stream(Chain.values()).noneMatch(c -> c.cliName().equals(name)))
        .checkAssert(
            name ->
                assertThatThrownBy(() -> Chain.fromName(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown chain"));
  }

  @Test
  void tweaksAtOrAboveTheGroupOrderAreRejectedNotReduced() {
    qt().withExamples(100)
        .forAll(org.quicktheories.generators.SourceDSL.longs().between(0, Long.MAX_VALUE))
        .checkAssert(
            offset -> {
              BigInteger v = io.chainsig.crypto.Secp256k1.N.add(BigInteger.valueOf(offset));
              if (v.bitLength() > 256) {
                return;
              }
              DerivationTweak t = DerivationTweak.fromBytes(io.chainsig.crypto.Bytes.toFixed(v, 32));
              assertThatThrownBy(t::secp256k1Scalar).isInstanceOf(TweakOutOfRangeException.class);
            });
    // The next-lower value is accepted.
    DerivationTweak below =
        DerivationTweak.fromBytes(
            io.chainsig.crypto.Bytes.toFixed(io.chainsig.crypto.Secp256k1.N.subtract(BigInteger.ONE), 32));
    assertThat(below.secp256k1Scalar().value())
        .isEqualTo(io.chainsig.crypto.Secp256k1.N.subtract(BigInteger.ONE));
  }
}
