/** The node's HTTP endpoint: {@code /metrics} (Prometheus text format) and {@code /health} (JSON). */
package io.chainsig.node.http;
