/**
 * Node storage: a key-value port with a RocksDB implementation and an in-memory twin, an AES-GCM
 * encrypting decorator for secrets at rest, and the presignature store that records every use
 * durably before the material is handed out.
 */
package io.chainsig.node.store;
