/**
 * What the node reads from and writes to the signer contract: snapshots of its state and pending
 * requests, and the {@code respond} / vote calls, behind the {@link io.chainsig.node.chain.ContractGateway} port.
 */
package io.chainsig.node.chain;
