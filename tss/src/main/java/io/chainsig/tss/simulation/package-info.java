/**
 * Runs every party of a protocol in one process, with an in-memory network that can reorder,
 * delay, drop and rewrite messages, and let a chosen party misbehave. For tests and benchmarks;
 * a real deployment drives each {@link io.chainsig.tss.Protocol} over its own transport.
 */
package io.chainsig.tss.simulation;
