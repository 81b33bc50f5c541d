/**
 * The signer port and the checks every signature passes before a transaction carries it.
 *
 * <p>{@link io.chainsig.sdk.signer.PayloadSigner} is the one thing the chain adapters need from
 * the MPC network: "sign these 32 bytes with the derived key". {@link
 * io.chainsig.sdk.signer.VerifyingSigner} wraps any implementation and turns each answer into a
 * {@link io.chainsig.sdk.signer.VerifiedSignature} only after checking it against the expected
 * derived public key; adapters accept nothing else.
 */
package io.chainsig.sdk.signer;
