/**
 * The chainsig client SDK: chain adapters that build a transaction for a key derived by NEAR chain
 * signatures, obtain its signatures through a {@link io.chainsig.sdk.signer.PayloadSigner} port,
 * verify every signature against the derived public key and broadcast the transaction.
 *
 * <p>This package holds the typed errors every adapter throws; all extend {@link
 * io.chainsig.sdk.ChainsigSdkException}. Adapters live in {@code io.chainsig.sdk.evm} and {@code
 * io.chainsig.sdk.bitcoin}, the signer port and signature checks in {@code io.chainsig.sdk.signer}.
 */
package io.chainsig.sdk;
