/**
 * Test support: a local signer that signs like the MPC network would (with the derived secret
 * {@code x + eps}), and real chain nodes (anvil, litecoind -regtest) started on 127.0.0.1.
 */
package io.chainsig.sdk.testing;
