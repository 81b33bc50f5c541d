/** A client of NEAR's JSON-RPC and a transaction sender that keeps nonces and checks outcomes. */
package io.chainsig.near.rpc;
