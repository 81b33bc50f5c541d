/**
 * EVM transactions: RLP, the legacy (EIP-155), EIP-2930 and EIP-1559 envelopes, ERC-20 calls,
 * and the chain-id table that names networks ({@code evm-networks.tsv}).
 */
package io.chainsig.wallet.tx.evm;
