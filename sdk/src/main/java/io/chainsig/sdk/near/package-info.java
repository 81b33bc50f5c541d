/**
 * The chain-signatures client: asks the signer contract on NEAR (or the sandbox) for signatures
 * and plugs into the chain adapters as their {@link io.chainsig.sdk.signer.PayloadSigner}.
 */
package io.chainsig.sdk.near;
