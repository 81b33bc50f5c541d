/**
 * JMH benchmarks of the threshold protocols: key generation, presign and sign, with all parties
 * of a run in one thread over {@link io.chainsig.tss.simulation.InMemoryNetwork}. Scores are per
 * whole run; divide by N for the cost per participant (docs/performance.md does).
 */
package io.chainsig.benchmarks.tss;
