/**
 * The port through which the wallet asks for signatures ({@link
 * io.chainsig.wallet.signer.SignatureRequester}), its result type, and a local implementation that
 * signs with a known secp256k1 root secret exactly as the MPC network would (root + tweak).
 */
package io.chainsig.wallet.signer;
