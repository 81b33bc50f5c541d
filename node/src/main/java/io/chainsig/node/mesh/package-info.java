/**
 * The mesh between MPC nodes: TCP + TLS 1.3 with mutual authentication, each side pinned to the
 * ed25519 keys of the current participants, length-delimited frames with a size cap, outgoing
 * connections re-dialled with backoff. See {@code docs/mesh.md}.
 */
package io.chainsig.node.mesh;
