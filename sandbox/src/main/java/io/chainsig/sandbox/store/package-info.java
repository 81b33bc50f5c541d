/** The storage port of the sandbox: a key-value store with atomic batches, on RocksDB or in memory. */
package io.chainsig.sandbox.store;
