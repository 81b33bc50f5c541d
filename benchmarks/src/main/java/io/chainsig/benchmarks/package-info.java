/** JMH benchmarks of chainsig; results and the machine they ran on are in docs/performance.md. */
package io.chainsig.benchmarks;
