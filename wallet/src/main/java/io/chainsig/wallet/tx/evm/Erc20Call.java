package io.chainsig.wallet.tx.evm;

import io.chainsig.derivation.address.EvmAddress;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * An ERC-20 call read from transaction data: {@code transfer}, {@code approve} or {@code
 * transferFrom}. Amounts are in the token's base units (the wallet does not know its decimals).
 */
public sealed interface Erc20Call {
  /** {@code 2^256 - 1}: the "unlimited" allowance dapps often ask for. */
  BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  /** {@code transfer(address,uint256)}, selector a9059cbb. */
  record Transfer(EvmAddress to, BigInteger amount) implements Erc20Call {}

  /** {@code approve(address,uint256)}, selector 095ea7b3. */
  record Approve(EvmAddress spender, BigInteger amount) implements Erc20Call {}

  /** {@code transferFrom(address,address,uint256)}, selector 23b872dd. */
  record TransferFrom(EvmAddress from, EvmAddress to, BigInteger amount) implements Erc20Call {}

  /** Decodes strictly: exact length, zero-padded addresses; anything else is not an ERC-20 call. */
  static Optional<Erc20Call> decode(byte[] data) {
    if (data.length < 4) {
      return Optional.empty();
    }
    int selector = ((data[0] & 0xff) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    return switch (selector) {
      case 0xa9059cbb -> words(data, 2).flatMap(w -> address(w[0]).map(to -> new Transfer(to, uint(w[1]))));
      case 0x095ea7b3 -> words(data, 2).flatMap(w -> address(w[0]).map(sp -> new Approve(sp, uint(w[1]))));
      case 0x23b872dd -> words(data, 3).flatMap(w -> address(w[0]).flatMap(from -> address(w[1])
          .map(to -> new TransferFrom(from, to, uint(w[2])))));
      default -> Optional.empty();
    };
  }

  private static Optional<byte[][]> words(byte[] data, int count) {
    if (data.length != 4 + 32 * count) {
      return Optional.empty();
    }
    byte[][] words = new byte[count][];
    for (int i = 0; i < count; i++) {
      words[i] = Arrays.copyOfRange(data, 4 + 32 * i, 4 + 32 * (i + 1));
    }
    return Optional.of(words);
  }

  private static Optional<EvmAddress> address(byte[] word) {
    for (int i = 0; i < 12; i++) {
      if (word[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(EvmAddress.fromBytes(Arrays.copyOfRange(word, 12, 32)));
  }

  private static BigInteger uint(byte[] word) {
    return new BigInteger(1, word);
  }
}
