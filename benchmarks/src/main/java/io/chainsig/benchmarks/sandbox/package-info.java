/**
 * A load harness for the sandbox chain in one process: concurrent sign and respond transactions,
 * contract views and block production on one {@link io.chainsig.sandbox.chain.Chain}, measured as
 * CPU time per sign+respond pair (docs/performance.md, "Sandbox chain under load").
 */
package io.chainsig.benchmarks.sandbox;
