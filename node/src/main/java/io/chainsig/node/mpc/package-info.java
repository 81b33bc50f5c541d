/**
 * The node's MPC engine: runs the sans-IO protocols of {@code io.chainsig.tss} over the mesh,
 * keeps the presignature pool full, and answers the contract's sign requests. See {@code
 * docs/node.md}.
 */
package io.chainsig.node.mpc;
