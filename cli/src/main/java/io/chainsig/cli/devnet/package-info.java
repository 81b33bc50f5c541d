/** The local devnet: a sandbox chain and MPC nodes as separate processes on 127.0.0.1. */
package io.chainsig.cli.devnet;
