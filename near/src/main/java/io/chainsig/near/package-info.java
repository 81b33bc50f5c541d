/**
 * NEAR primitives shared by the sandbox chain, the MPC node and the clients: key files in neard's
 * format ({@link io.chainsig.near.NearKeyFile}), borsh, transactions and a JSON-RPC client.
 */
package io.chainsig.near;
