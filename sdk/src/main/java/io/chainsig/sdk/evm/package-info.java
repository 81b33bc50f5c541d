/**
 * The EVM adapter: plain value transfers from the address of a derived key, as legacy EIP-155 or
 * EIP-1559 transactions, built and encoded with web3j and signed through the {@link
 * io.chainsig.sdk.signer.PayloadSigner} port. Entry point: {@link io.chainsig.sdk.evm.EvmAdapter}.
 */
package io.chainsig.sdk.evm;
