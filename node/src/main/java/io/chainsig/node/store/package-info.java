/**
 * The node's stores on top of {@code io.chainsig.storage}: the presignature store that records
 * every use durably before the material is handed out.
 */
package io.chainsig.node.store;
