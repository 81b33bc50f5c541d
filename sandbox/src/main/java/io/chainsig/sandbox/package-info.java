/**
 * A single-process NEAR-compatible development chain hosting the signer contract ({@code
 * ./chainsig sandbox}, docs/sandbox.md): {@link io.chainsig.sandbox.Sandbox} wires storage, chain,
 * block production and JSON-RPC; {@link io.chainsig.sandbox.SandboxMain} is the entry point.
 */
package io.chainsig.sandbox;
