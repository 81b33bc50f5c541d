package io.chainsig.sandbox.chain;

import io.chainsig.crypto.Hashes;
import io.chainsig.crypto.encoding.Base58;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A block of the sandbox chain: one producer, one shard, one chunk, final when produced.
 *
 * @param height the height (genesis is 0)
 * @param hash base58 of the block hash
 * @param prevHash base58 of the previous block's hash (32 zero bytes for genesis)
 * @param timestampNanos production time, nanoseconds since the epoch
 * @param randomValue base58 of 32 bytes from {@link java.security.SecureRandom}
 * @param txHashes the transactions included, in order
 */
public record Block(
    long height,
    String hash,
    String prevHash,
    long timestampNanos,
    String randomValue,
    List<String> txHashes) {
  /** Copies the list. */
  public Block {
    txHashes = List.copyOf(txHashes);
  }

  /** Builds a block and computes its hash over every other field. */
  public static Block create(
      long height, String prevHash, long timestampNanos, String randomValue, List<String> txHashes) {
    String preimage = height + "|" + prevHash + "|" + timestampNanos + "|" + randomValue + "|"
        + String.join(",", txHashes);
    String hash = Base58.encode(Hashes.sha256(preimage.getBytes(StandardCharsets.UTF_8)));
    return new Block(height, hash, prevHash, timestampNanos, randomValue, txHashes);
  }

  /** The hash of the block's single chunk. */
  public String chunkHash() {
    return Base58.encode(Hashes.sha256(("chunk|" + hash).getBytes(StandardCharsets.UTF_8)));
  }
}
