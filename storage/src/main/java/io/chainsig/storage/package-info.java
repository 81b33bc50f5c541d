/**
 * Storage shared by the node and the sandbox chain: a key-value port with a RocksDB implementation
 * (every batch synced) and an in-memory twin, and an AES-GCM encrypting decorator for secrets at
 * rest.
 */
package io.chainsig.storage;
