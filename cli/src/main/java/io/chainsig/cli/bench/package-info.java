/** {@code chainsig bench}: load a devnet with sign requests and report throughput, latency, pool and CPU. */
package io.chainsig.cli.bench;
