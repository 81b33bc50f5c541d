/** The chainsig MPC node: everything that does I/O around the sans-IO protocols. */
package io.chainsig.node;
